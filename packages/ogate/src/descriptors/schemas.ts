/** JSON Schemas of deployment types, by CID: built-in files first, else the content store; compiled once. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { ContentStore } from '@dinfra/content';
import { builtinSchemas } from './builtin-schemas.ts';
import { DescriptorError } from './errors.ts';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => void;

export class SchemaCache {
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly content: ContentStore,
    private readonly opts: { timeoutMs: number },
  ) {
    addFormats(this.#ajv);
  }

  async validator(schemaCid: string): Promise<ValidateFunction> {
    const hit = this.#compiled.get(schemaCid);
    if (hit) return hit;
    const bytes = (await builtinSchemas()).get(schemaCid) ?? (await this.fetch(schemaCid));
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    } catch {
      throw new DescriptorError('schema-unavailable', `type schema ${schemaCid} is not JSON`, false);
    }
    let v: ValidateFunction;
    try {
      // The same $id may come back under another CID: compile without registering it.
      const { $id: _id, ...rest } = doc;
      v = this.#ajv.compile(rest);
    } catch (e) {
      throw new DescriptorError('schema-unavailable', `type schema ${schemaCid} does not compile: ${(e as Error).message}`, false);
    }
    this.#compiled.set(schemaCid, v);
    return v;
  }

  private async fetch(cid: string): Promise<Uint8Array> {
    try {
      return await this.content.get(cid, { timeoutMs: this.opts.timeoutMs, maxBytes: 1024 * 1024 });
    } catch (e) {
      throw new DescriptorError('schema-unavailable', `type schema ${cid} not available: ${(e as Error).message}`, true);
    }
  }
}
