// zombienet js-script: Alice sends Bob 1 DIN; returns 1 once the transfer is in a finalized
// block with a Balances.Transfer event and Bob's free balance grew, else 0.
// Runs under zombienet (CommonJS) with the global `zombie` (ApiPromise, WsProvider, Keyring).

const AMOUNT = 10n ** 12n; // 1 DIN (12 decimals)

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const api = await zombie.ApiPromise.create({ provider: new zombie.WsProvider(wsUri), noInitWarn: true });
  try {
    const keyring = new zombie.Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt();

    const transfer = api.tx.balances.transferKeepAlive
      ? api.tx.balances.transferKeepAlive(bob.address, AMOUNT)
      : api.tx.balances.transfer(bob.address, AMOUNT);
    const landed = await new Promise((resolve, reject) => {
      transfer
        .signAndSend(alice, ({ status, events, dispatchError }) => {
          if (dispatchError) return reject(new Error(`transfer failed: ${dispatchError.toString()}`));
          if (status.isInvalid || status.isDropped || status.isUsurped) return reject(new Error(`transfer ${status.type}`));
          if (!status.isFinalized) return;
          resolve(events.some(({ event }) => api.events.balances.Transfer.is(event)));
        })
        .catch(reject);
    });

    const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
    console.log(`transfer landed=${landed}; bob free ${before} -> ${after}`);
    return landed && after - before === AMOUNT ? 1 : 0;
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
