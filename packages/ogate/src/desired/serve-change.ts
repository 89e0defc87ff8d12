/**
 * The one way a changed deployment row is saved: a served row (phase ready) gets the next
 * revision, so long-polls and SSE see it, and when what a reactor acts on changed (a new award,
 * desired, the descriptor being served) its spec revision too. A status-only change (chain
 * state, endpoints, billing, e.g. a reactor's own report landing) keeps the spec revision, so
 * it does not wake reactors to re-list their backends.
 */
import type { Store } from '../store/index.ts';
import type { DeploymentRow } from '../store/deployment-row.ts';

/** The fields a reactor acts on. */
const specOf = (r: DeploymentRow) => JSON.stringify([r.type, r.generation, r.desired, r.descriptorCid, r.phase]);

/** Saves `row` (changed from `before`, a copy taken before any change); true when it is served (a new revision). */
export function serveChange(store: Store, before: DeploymentRow | undefined, row: DeploymentRow): boolean {
  const served = row.phase === 'ready';
  if (served) {
    row.revision = store.meta.nextRevision();
    if (!before || specOf(before) !== specOf(row)) row.specRevision = row.revision;
  }
  store.deployments.put(row);
  return served;
}
