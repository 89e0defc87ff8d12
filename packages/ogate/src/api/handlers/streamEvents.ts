/**
 * GET /v1/events: Server-Sent Events. Each change is `event: deployment` with `id:` = its
 * revision; resumable with Last-Event-ID (or `since`); `resync` when that revision is forgotten.
 */
import type { HandlerFactory } from '../deps.ts';
import { claimsOf, secretsFor, typesOf } from '../access.ts';
import { badRequest } from '../problem.ts';
import { toApiDeployment } from '../../desired/api-view.ts';

const HEARTBEAT_MS = 15_000;

export const streamEvents: HandlerFactory<'streamEvents'> = ({ ctx, secrets }) => (c, req, res) => {
  const { store, changes } = ctx;
  const q = c.request.query as Record<string, string | undefined>;
  const claims = claimsOf(c);
  const types = typesOf(claims, q.type);
  const header = req.headers['last-event-id'];
  const lastId = typeof header === 'string' && header !== '' ? header : undefined;
  if (lastId !== undefined && !/^[0-9]{1,15}$/.test(lastId)) throw badRequest('Last-Event-ID must be a revision number');
  let cursor = lastId !== undefined ? Number(lastId) : q.since !== undefined ? Number(q.since) : undefined;
  res.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  const send = () => {
    if (cursor === undefined || cursor < store.meta.forgottenBefore()) {
      const revision = store.meta.revision();
      if (cursor !== undefined) res.write(`event: resync\ndata: ${JSON.stringify({ revision })}\n\n`);
      // Without a starting point: the current set, then changes.
      for (const r of store.deployments.served()) if (types.has(r.type)) res.write(`id: ${r.revision}\nevent: deployment\ndata: ${JSON.stringify(toApiDeployment(r, secretsFor(claims, () => secrets.open(r))))}\n\n`);
      cursor = revision;
      return;
    }
    const rows = store.deployments.served(cursor).sort((a, b) => a.revision - b.revision);
    for (const r of rows) {
      if (types.has(r.type)) res.write(`id: ${r.revision}\nevent: deployment\ndata: ${JSON.stringify(toApiDeployment(r, secretsFor(claims, () => secrets.open(r))))}\n\n`);
      cursor = r.revision;
    }
  };
  res.write(`retry: 1000\n\n`);
  send();
  const onRevision = () => send();
  changes.on('revision', onRevision);
  const beat = setInterval(() => res.write(`: heartbeat\n\n`), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(beat);
    changes.off('revision', onRevision);
  });
};
