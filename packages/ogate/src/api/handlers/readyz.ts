/** GET /readyz: connected to the node and the cursor at the finalized head. */
import type { HandlerFactory } from '../deps.ts';

export const readyz: HandlerFactory<'readyz'> = ({ ctx, follower }) => (_c, _req, res) => {
  const connected = ctx.isConnected();
  const ready = follower.isReady();
  const checks = { node: connected ? 'connected' : 'disconnected', cursor: ready ? 'at the finalized head' : `behind by ${follower.lag()} block(s) or starting` };
  res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
};
