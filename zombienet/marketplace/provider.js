// js-script: //Bob registers as a provider (operator //Dave) and offers substrate-node; returns 1.
const { OPERATOR, dinfra } = require('./sidecars.js');

async function run(nodeName, networkInfo) {
  const url = networkInfo.nodesByName[nodeName].wsUri;
  dinfra(url, '//Bob', ['provider', 'register', '--name', 'zombie-bob', '--api-url', 'http://127.0.0.1:8420', '--operator', OPERATOR]);
  dinfra(url, '//Bob', ['provider', 'offer', 'substrate-node', '--capacity', '5', '--price', '1m']);
  const shown = JSON.parse(dinfra(url, '//Bob', ['provider', 'show', '--json']));
  return shown.provider && shown.provider.offerings.length === 1 ? 1 : 0;
}

module.exports = { run };
