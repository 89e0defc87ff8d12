import type { Deployment, DeploymentList } from '@dinfra/ogate-contract';

/** The reactor's copy of OGate's desired state, kept level-triggered by revision. */
export class DesiredView {
  readonly #byId = new Map<string, Deployment>();
  #revision = 0;
  /** When the last complete listing was applied (ms), 0 before the first. */
  lastCompleteAt = 0;

  get revision(): number {
    return this.#revision;
  }

  /**
   * Applies a listing; returns true when something a reactor acts on changed (a deployment
   * came, went, or its `specRevision` moved). A status-only change (e.g. the reactor's own
   * report landing on chain) updates the view without waking a reconcile pass.
   */
  apply(list: DeploymentList, now = Date.now()): boolean {
    let changed = false;
    if (list.complete) {
      const ids = new Set(list.deployments.map((d) => d.id));
      for (const id of this.#byId.keys()) if (!ids.has(id)) (this.#byId.delete(id), (changed = true));
      this.lastCompleteAt = now;
    }
    for (const d of list.deployments) {
      const old = this.#byId.get(d.id);
      if (!old || old.revision < d.revision || list.complete) {
        if (!old || old.specRevision !== d.specRevision) changed = true;
        this.#byId.set(d.id, d);
      }
    }
    this.#revision = Math.max(list.complete ? list.revision : this.#revision, list.revision);
    return changed;
  }

  get(id: string): Deployment | undefined {
    return this.#byId.get(id);
  }

  all(): Deployment[] {
    return [...this.#byId.values()];
  }
}
