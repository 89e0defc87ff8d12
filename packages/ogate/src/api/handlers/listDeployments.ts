/** GET /v1/deployments: the whole set, the changes since a revision, or a long-poll. */
import type { HandlerFactory } from '../deps.ts';
import { claimsOf, secretsFor, typesOf } from '../access.ts';
import { toApiDeployment } from '../../desired/api-view.ts';

export const listDeployments: HandlerFactory<'listDeployments'> = ({ ctx, secrets }) => async (c, req, res) => {
  const { store, changes } = ctx;
  const claims = claimsOf(c);
  const q = c.request.query as Record<string, string | undefined>;
  const types = typesOf(claims, q.type);
  const since = q.since === undefined ? undefined : Number(q.since);
  const wait = Math.min(q.wait === undefined ? 0 : Number(q.wait), ctx.config.longPollMaxSeconds);
  const render = (rows: ReturnType<typeof store.deployments.served>) => rows.filter((r) => types.has(r.type)).map((r) => toApiDeployment(r, secretsFor(claims, () => secrets.open(r))));
  if (since === undefined || since < store.meta.forgottenBefore()) {
    res.json({ revision: store.meta.revision(), complete: true, deployments: render(store.deployments.served()) });
    return;
  }
  const deadline = Date.now() + wait * 1000;
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  for (;;) {
    const rows = render(store.deployments.served(since));
    const revision = store.meta.revision();
    if (rows.length || Date.now() >= deadline || abort.signal.aborted) {
      res.json({ revision, complete: false, deployments: rows });
      return;
    }
    // Nothing of these types yet: wait for any newer revision, then look again.
    await changes.waitPast(revision, () => store.meta.revision(), deadline - Date.now(), abort.signal);
  }
};
