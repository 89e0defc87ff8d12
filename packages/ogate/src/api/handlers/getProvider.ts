/** GET /v1/provider: the provider, its offerings, OGate's cursor and the chain it follows. */
import type { HandlerFactory } from '../deps.ts';

export const getProvider: HandlerFactory<'getProvider'> = ({ ctx, follower, chain }) => async (_c, _req, res) => {
  const { api, store } = ctx;
  const account = ctx.provider.account;
  const info = await api.query.providers.providers(account);
  const offerings = [];
  for (const [key, value] of await api.query.providers.offerings.entries(account)) {
    if (value.isNone) continue;
    const o = value.unwrap();
    const typeId = key.args[1].toNumber();
    const type = await follower.types.get(typeId);
    offerings.push({
      type: type.name,
      capacity: o.capacity.toNumber(),
      used: o.used.toNumber(),
      pricePerBlock: o.pricePerBlock.toString(),
      regions: o.regions.map((r) => r.toUtf8()),
      open: o.open.isTrue,
    });
  }
  const cursor = store.meta.cursor() ?? { number: 0, hash: api.genesisHash.toHex() };
  const head = follower.head ?? cursor;
  const p = info.isSome ? info.unwrap() : undefined;
  res.json({
    account,
    operator: ctx.operator.address,
    name: p ? p.name.toUtf8() : '',
    ...(p ? { apiUrl: p.apiUrl.toUtf8() } : {}),
    status: !p ? 'unregistered' : p.status.isPaused ? 'paused' : 'active',
    offerings,
    cursor,
    finalized: head,
    headLag: follower.lag(),
    chain,
  });
};
