// js-script: //Charlie subscribes to substrate-node with examples/rpc-node.json (the descriptor goes
// into the content store OGate reads); returns the subscription id + 1 (so id 0 counts as >= 1).
const { DIR, ROOT, dinfra, save } = require('./sidecars.js');
const { join } = require('node:path');

async function run(nodeName, networkInfo) {
  const url = networkInfo.nodesByName[nodeName].wsUri;
  const out = JSON.parse(dinfra(url, '//Charlie', ['subscribe', 'substrate-node', '--descriptor', join(ROOT, 'examples/rpc-node.json'), '--deposit', '10', '--max-price', '1m', '--ipfs-repo', join(DIR, 'ipfs'), '--json']));
  const id = Number(out.id ?? out.subscription?.id);
  save({ id });
  console.log(`subscription ${id} awarded to ${out.provider ?? out.subscription?.provider}`);
  return id + 1;
}

module.exports = { run };
