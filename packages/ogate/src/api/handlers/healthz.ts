/** GET /healthz: liveness (the process serves HTTP). */
import type { HandlerFactory } from '../deps.ts';

export const healthz: HandlerFactory<'healthz'> = () => (_c, _req, res) => {
  res.json({ status: 'ok' });
};
