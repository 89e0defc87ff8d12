/** Deployment type id -> { name, schemaCid }, read once per id (types are never removed). */
import type { ApiPromise } from '@polkadot/api';
import { deploymentType } from './read.ts';

export class TypeCatalog {
  readonly #cache = new Map<number, { name: string; schemaCid: string }>();
  constructor(private readonly api: ApiPromise) {}

  async get(typeId: number): Promise<{ name: string; schemaCid: string }> {
    let t = this.#cache.get(typeId);
    if (!t) {
      t = (await deploymentType(this.api, typeId)) ?? { name: `type-${typeId}`, schemaCid: '' };
      this.#cache.set(typeId, t);
    }
    return t;
  }
}
