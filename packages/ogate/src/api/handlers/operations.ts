/** The unauthenticated operations: /healthz, /readyz, /openapi.json, /metrics. */
import type { HandlerFactory } from '../deps.ts';

export const healthz: HandlerFactory = () => (_c, _req, res) => {
  res.json({ status: 'ok' });
};

export const readyz: HandlerFactory = ({ ctx, follower }) => (_c, _req, res) => {
  const connected = ctx.isConnected();
  const ready = follower.isReady();
  const checks = { node: connected ? 'connected' : 'disconnected', cursor: ready ? 'at the finalized head' : `behind by ${follower.lag()} block(s) or starting` };
  res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
};

export const getOpenApi: HandlerFactory = ({ document }) => (_c, _req, res) => {
  res.json(document);
};

export const getMetrics: HandlerFactory = ({ ctx, follower }) => async (_c, _req, res) => {
  const { metrics, store } = ctx;
  metrics.deployments.reset();
  for (const r of store.deployments.countsByTypeAndState()) metrics.deployments.set({ type: r.type, state: r.state, desired: r.desired }, r.n);
  metrics.outboxDepth.set(store.reports.depth());
  metrics.cursorLag.set(follower.lag());
  res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
};
