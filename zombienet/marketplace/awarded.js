// js-script: returns 1 once the node it runs on has the scenario's subscription awarded to //Bob.
const { state } = require('./sidecars.js');

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

async function run(nodeName, networkInfo) {
  const api = await zombie.ApiPromise.create({ provider: new zombie.WsProvider(networkInfo.nodesByName[nodeName].wsUri), noInitWarn: true });
  try {
    const { id } = state();
    for (;;) {
      const sub = (await api.query.subscriptions.subscriptions(id)).toJSON();
      if (sub && sub.provider === BOB) return 1;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
