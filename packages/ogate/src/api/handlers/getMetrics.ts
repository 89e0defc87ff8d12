/** GET /metrics: Prometheus text (gauges refreshed on scrape). */
import type { HandlerFactory } from '../deps.ts';

export const getMetrics: HandlerFactory<'getMetrics'> = ({ ctx, follower }) => async (_c, _req, res) => {
  const { metrics, store } = ctx;
  metrics.deployments.reset();
  for (const r of store.deployments.countsByTypeAndState()) metrics.deployments.set({ type: r.type, state: r.state, desired: r.desired }, r.n);
  metrics.outboxDepth.set(store.reports.depth());
  metrics.cursorLag.set(follower.lag());
  res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
};
