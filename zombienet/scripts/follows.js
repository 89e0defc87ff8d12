// zombienet js-script: checks that `args[0]` (the follower, default bob) follows the node it runs
// on (the author): waits until the follower has the author's current best block plus 3 more, and
// that both report the same hashes for them. Returns the number of blocks checked (0 on mismatch).
// Run after `alice: restart`, it shows the follower rode out the author's kill -9 and restart.

async function run(nodeName, networkInfo, args) {
  const followerName = (args && args[0]) || 'bob';
  const connect = (name) => zombie.ApiPromise.create({ provider: new zombie.WsProvider(networkInfo.nodesByName[name].wsUri), noInitWarn: true });
  const author = await connect(nodeName);
  const follower = await connect(followerName);
  try {
    const from = (await author.rpc.chain.getHeader()).number.toNumber();
    const target = from + 3;
    for (;;) {
      const best = (await follower.rpc.chain.getHeader()).number.toNumber();
      if (best >= target) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    for (let n = from; n <= target; n++) {
      const [a, f] = await Promise.all([author.rpc.chain.getBlockHash(n), follower.rpc.chain.getBlockHash(n)]);
      if (!a.eq(f)) {
        console.log(`#${n}: ${nodeName} has ${a.toHex()}, ${followerName} has ${f.toHex()}`);
        return 0;
      }
    }
    console.log(`${followerName} follows ${nodeName}: #${from}..#${target} agree`);
    return target - from + 1;
  } finally {
    await author.disconnect();
    await follower.disconnect();
  }
}

module.exports = { run };
