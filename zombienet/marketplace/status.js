// js-script: waits until the node it runs on sees the scenario's subscription Running with an
// endpoint; returns the number of endpoints (0 while it is not Running).
const { state, statusOf } = require('./sidecars.js');

async function run(nodeName, networkInfo) {
  const api = await zombie.ApiPromise.create({ provider: new zombie.WsProvider(networkInfo.nodesByName[nodeName].wsUri), noInitWarn: true });
  try {
    const { id } = state();
    for (;;) {
      const status = await statusOf(api, id);
      if (status && status.running) {
        console.log(`${nodeName}: subscription ${id} running at ${JSON.stringify(status.running.endpoints)}`);
        return status.running.endpoints.length;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
