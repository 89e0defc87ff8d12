// js-script: starts OGate following the node it runs on (bob) with the operator key //Dave, mints
// a reactor token, and starts a local reactor; returns 1 once both listen.
const { DIR, save, startDetached } = require('./sidecars.js');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

async function run(nodeName, networkInfo) {
  const url = networkInfo.nodesByName[nodeName].wsUri;
  const ogateDir = join(DIR, 'ogate');
  const m = await startDetached('ogate', 'packages/ogate/bin/dinfra-ogate.mjs', ['run', '--url', url, '--suri', '//Dave', '--data-dir', ogateDir, '--listen', '127.0.0.1:0', '--ipfs-repo', join(DIR, 'ipfs')], /OGate listening on (http:\/\/\S+)/);
  const ogateUrl = m[1];
  const token = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../../packages/ogate/bin/dinfra-ogate.mjs'), 'token', 'create', '--data-dir', ogateDir, '--name', 'zombie-reactor', '--types', 'substrate-node', '--json'], { encoding: 'utf8' }),
  ).token;
  await startDetached('reactor', 'packages/reactor-sdk/bin/dinfra-reactor.mjs', ['--ogate', ogateUrl, '--token', token, '--backend', 'local', '--data-dir', join(DIR, 'reactor'), '--listen', '127.0.0.1:0'], /reactor listening on (http:\/\/\S+)/);
  save({ ogateUrl, followed: nodeName });
  console.log(`OGate ${ogateUrl} follows ${nodeName} (${url}); reactor started`);
  return 1;
}

module.exports = { run };
