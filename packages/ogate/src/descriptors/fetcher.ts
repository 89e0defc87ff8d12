/**
 * Works through awarded deployments whose descriptor is not yet verified: retries transient
 * failures with backoff, then gives up; a rejected descriptor becomes a `Failed { reason }`
 * report in the outbox (the award moves on) and is never served.
 */
import { truncateReason } from '@dinfra/runtime-specs';
import type { ContentStore, Sr25519Keypair } from '@dinfra/content';
import type { OGateContext } from '../context.ts';
import type { TypeCatalog } from '../chain/type-names.ts';
import { serveChange } from '../desired/serve-change.ts';
import type { DeploymentRow } from '../store/deployment-row.ts';
import { DescriptorError } from './errors.ts';
import { SchemaCache } from './schemas.ts';
import { verifyDescriptor } from './verify.ts';

const CONCURRENCY = 8;

export class DescriptorFetcher {
  readonly #schemas: SchemaCache;
  readonly #inFlight = new Set<string>();
  /** Verified descriptors by CID and type (content-addressed: the same CID is the same document). */
  readonly #verified = new Map<string, Promise<Awaited<ReturnType<typeof verifyDescriptor>>>>();
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;
  readonly #onFetch = () => this.kick();

  constructor(
    private readonly ctx: OGateContext,
    private readonly content: ContentStore,
    private readonly types: TypeCatalog,
    private readonly keypairs: readonly Sr25519Keypair[],
  ) {
    this.#schemas = new SchemaCache(content, { timeoutMs: ctx.config.descriptorTimeoutMs });
  }

  start(): void {
    this.ctx.changes.on('fetch', this.#onFetch);
    this.kick();
  }

  stop(): void {
    this.#stopped = true;
    this.ctx.changes.off('fetch', this.#onFetch);
    clearTimeout(this.#timer);
  }

  /** Starts every due fetch (up to the concurrency limit) and schedules the next wake-up. */
  kick(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    const now = Date.now();
    let next = Infinity;
    if (this.#inFlight.size < CONCURRENCY) {
      for (const row of this.ctx.store.deployments.dueFetches(now, CONCURRENCY + this.#inFlight.size)) {
        if (this.#inFlight.size >= CONCURRENCY) break;
        if (this.#inFlight.has(row.id)) continue;
        this.#inFlight.add(row.id);
        void this.process(row).finally(() => {
          this.#inFlight.delete(row.id);
          this.kick();
        });
      }
    }
    const later = this.ctx.store.deployments.nextFetchAt(now);
    if (later !== undefined) next = later;
    if (Number.isFinite(next)) this.#timer = setTimeout(() => this.kick(), Math.max(10, next - now));
  }

  private async process(row: DeploymentRow): Promise<void> {
    const { ctx } = this;
    const log = ctx.log.child({ subscription: row.id, generation: row.generation });
    try {
      const type = await this.types.get(row.typeId);
      const key = `${row.descriptorCid} ${type.name} ${type.schemaCid}`;
      let pending = this.#verified.get(key);
      if (!pending) {
        pending = verifyDescriptor({
        cid: row.descriptorCid,
        typeName: type.name,
        schemaCid: type.schemaCid,
        content: this.content,
        schemas: this.#schemas,
        keypairs: this.keypairs,
        timeoutMs: ctx.config.descriptorTimeoutMs,
        maxBytes: ctx.config.descriptorMaxBytes,
        });
        if (this.#verified.size >= 1000) this.#verified.clear();
        this.#verified.set(key, pending);
        pending.catch(() => this.#verified.delete(key));
      }
      const verified = await pending;
      const served = ctx.store.tx(() => {
        const before = ctx.store.deployments.get(row.id);
        if (!before || before.generation !== row.generation || before.phase !== 'fetching') return undefined;
        const cur = { ...before, phase: 'ready' as const, descriptor: verified.descriptor, sealedSecrets: verified.sealedSecrets };
        serveChange(ctx.store, before, cur);
        return cur;
      });
      if (served) {
        ctx.metrics.awardToServed.observe((Date.now() - served.awardedMs) / 1000);
        log.info({ type: type.name, revision: served.revision, desired: served.desired }, 'descriptor verified; deployment served');
        ctx.changes.emit('revision', served.revision);
      }
    } catch (e) {
      const err = e instanceof DescriptorError ? e : new DescriptorError('store', `descriptor ${row.descriptorCid}: ${(e as Error).message}`, true);
      const attempts = row.fetchAttempts + 1;
      if (err.transient && attempts < ctx.config.descriptorAttempts) {
        const delay = Math.min(500 * 2 ** (attempts - 1), 30_000);
        log.warn({ cause: err.cause_, attempt: attempts, retryInMs: delay, err: err.message }, 'descriptor fetch failed; retrying');
        ctx.store.tx(() => {
          const cur = ctx.store.deployments.get(row.id);
          if (!cur || cur.generation !== row.generation || cur.phase !== 'fetching') return;
          cur.fetchAttempts = attempts;
          cur.fetchNextAt = Date.now() + delay;
          ctx.store.deployments.put(cur);
        });
        return;
      }
      const reason = truncateReason(err.transient ? `${err.message} (gave up after ${attempts} attempts)` : err.message);
      const report = ctx.store.tx(() => {
        const cur = ctx.store.deployments.get(row.id);
        if (!cur || cur.generation !== row.generation || cur.phase !== 'fetching') return undefined;
        cur.phase = 'rejected';
        cur.fetchAttempts = attempts;
        ctx.store.deployments.put(cur);
        if (cur.desired !== 'present') return undefined;
        return ctx.store.reports.queue({ deploymentId: cur.id, generation: cur.generation, kind: 'failed', reason });
      });
      ctx.metrics.descriptorFailures.inc({ cause: err.cause_ });
      log.warn({ cause: err.cause_, reason, report: report?.id }, 'descriptor rejected; reporting Failed');
      if (report) {
        ctx.metrics.reportsQueued.inc({ kind: 'failed' });
        ctx.changes.emit('outbox');
      }
    }
  }
}
