import type { Backend, DeploymentSpec, OperationContext, Resource } from '../backend.ts';

export interface MemoryBackendOptions {
  /** @default ['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init'] */
  readonly types?: readonly string[];
  /** Endpoint of a created resource (point it at a real node so the JSON-RPC probe passes). @default ws://127.0.0.1:9944 */
  readonly endpoint?: (spec: DeploymentSpec) => string;
  /** Return an error to make that create attempt throw (tests of retries and `failed`). */
  readonly failCreate?: (spec: DeploymentSpec, ctx: OperationContext) => Error | undefined;
  /** Return an error to make that destroy attempt throw (tests of a destroy that fails for good). */
  readonly failDestroy?: (resource: Resource) => Error | undefined;
  /** Milliseconds each create takes (aborted with the context's signal). @default 0 */
  readonly createDelayMs?: number;
}

/**
 * A backend that keeps its resources in a Map: for reactor tests and as the model a backend
 * author copies. Counts every call so tests can assert "exactly once".
 */
export class MemoryBackend implements Backend {
  readonly name = 'memory';
  readonly types: readonly string[];
  readonly resources = new Map<string, Resource>();
  readonly calls = { create: 0, destroy: 0, list: 0, inspect: 0, restart: 0 };
  /** Resource names in the order they were first made. */
  readonly made: string[] = [];

  constructor(private readonly o: MemoryBackendOptions = {}) {
    this.types = o.types ?? ['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init'];
  }

  async create(spec: DeploymentSpec, ctx: OperationContext): Promise<Resource> {
    this.calls.create++;
    const existing = this.resources.get(spec.name);
    if (existing) return existing;
    if (this.o.createDelayMs) await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, this.o.createDelayMs);
      ctx.signal.addEventListener('abort', () => (clearTimeout(t), reject(ctx.signal.reason)), { once: true });
    });
    const err = this.o.failCreate?.(spec, ctx);
    if (err) throw err;
    const r: Resource = { key: spec.key, name: spec.name, backendId: `mem-${this.made.length + 1}`, state: 'running', endpoints: [this.o.endpoint?.(spec) ?? 'ws://127.0.0.1:9944'], details: { tags: spec.tags } };
    this.resources.set(spec.name, r);
    this.made.push(spec.name);
    return r;
  }

  async destroy(resource: Resource): Promise<void> {
    this.calls.destroy++;
    const err = this.o.failDestroy?.(resource);
    if (err) throw err;
    this.resources.delete(resource.name);
  }

  async list(): Promise<Resource[]> {
    this.calls.list++;
    return [...this.resources.values()];
  }

  async inspect(resource: Resource): Promise<Resource | undefined> {
    this.calls.inspect++;
    return this.resources.get(resource.name);
  }

  async restart(resource: Resource): Promise<Resource> {
    this.calls.restart++;
    const r = this.resources.get(resource.name);
    if (!r) throw new Error(`${resource.name}: gone`);
    return r;
  }
}
