/** Opens a served deployment's sealed secrets with the operator keys (kept in memory only). */
import { openSecret, type Sr25519Keypair } from '@dinfra/content';
import type { DeploymentRow } from '../store/deployment-row.ts';

export class SecretOpener {
  readonly #cache = new Map<string, { sealed: string; open: Record<string, string> }>();
  constructor(private readonly keypairs: readonly Sr25519Keypair[]) {}

  open(row: DeploymentRow): Record<string, string> {
    if (!row.sealedSecrets) return {};
    const key = `${row.id}/${row.generation}`;
    const hit = this.#cache.get(key);
    const sealedText = JSON.stringify(row.sealedSecrets);
    if (hit && hit.sealed === sealedText) return hit.open;
    const open: Record<string, string> = {};
    for (const [name, sealed] of Object.entries(row.sealedSecrets)) open[name] = openSecret({ name, sealed, keypairs: this.keypairs });
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(key, { sealed: sealedText, open });
    return open;
  }
}
