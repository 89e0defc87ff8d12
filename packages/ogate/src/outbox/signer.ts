/**
 * The outbox's one signer loop for the operator key: coalesces queued reports into
 * `utility.force_batch` extrinsics (at most `batchMaxCalls` calls), nonces counted locally
 * (read from system_accountNextIndex at start and after any error), mortal era, inclusion
 * watched (`in-block`); finality is confirmed by outbox/confirm.ts inside the transaction of
 * the finalized block that holds the extrinsic, and reports move only through the reports
 * repository's named transitions.
 */
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { OGateContext } from '../context.ts';
import { planRecovery } from './recover.ts';
import { applicability } from './reflected.ts';
import { signBatch } from './sign.ts';
import type { ExtrinsicRow, ReportRow } from '../store/report-rows.ts';

const MAX_IN_FLIGHT = 4;
const CHECK_EVERY_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RPC_TIMEOUT_MS = 20_000;

/** Rejects when `p` takes longer than `ms` (a call lost in a reconnect must not stall the loop). */
function withTimeout<T>(p: Promise<T>, what: string, ms = RPC_TIMEOUT_MS): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}

export class Signer {
  #nonce: number | undefined;
  #needsRecovery = true;
  #stopped = false;
  #wake: (() => void) | undefined;
  #woken = false;
  #loop: Promise<void> | undefined;
  readonly #onOutbox = () => this.wake();
  readonly #watches = new Set<() => void>();

  constructor(private readonly ctx: OGateContext) {}

  start(): void {
    this.ctx.changes.on('outbox', this.#onOutbox);
    this.ctx.changes.on('cursor', this.#onOutbox);
    this.#loop = this.run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.ctx.changes.off('outbox', this.#onOutbox);
    this.ctx.changes.off('cursor', this.#onOutbox);
    this.wake();
    for (const u of this.#watches) u();
    await this.#loop;
  }

  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  private async run(): Promise<void> {
    let backoff = 250;
    let lastCheck = Date.now();
    while (!this.#stopped) {
      this.#woken = false;
      let waitMs = CHECK_EVERY_MS;
      try {
        if (this.#needsRecovery || Date.now() - lastCheck > CHECK_EVERY_MS) {
          await this.recover();
          lastCheck = Date.now();
        }
        waitMs = await this.step();
        backoff = 250;
      } catch (e) {
        if (this.#stopped) return;
        this.#needsRecovery = true;
        this.ctx.log.warn({ err: (e as Error).message, retryInMs: backoff }, 'outbox signer error; re-reading the nonce');
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
        continue;
      }
      this.ctx.metrics.outboxDepth.set(this.ctx.store.reports.depth());
      if (this.#woken || waitMs <= 0) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(waitMs, CHECK_EVERY_MS));
        this.#wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  private async recover(): Promise<void> {
    if (!this.ctx.isConnected()) throw new Error('not connected to the node');
    const plan = await withTimeout(planRecovery(this.ctx), 'reading the operator nonce');
    if (plan.resign.length) this.ctx.log.info({ resign: plan.resign.map((x) => x.nonce), nextNonce: plan.nextNonce }, 'outbox recovery');
    for (const x of plan.resign) await this.resign(x);
    this.#nonce = plan.nextNonce;
    this.#needsRecovery = false;
  }

  /** Sends one batch if one is due; returns how long to wait before the next look. */
  private async step(): Promise<number> {
    const { store, config } = this.ctx;
    if (store.extrinsics.pending().length >= MAX_IN_FLIGHT) return CHECK_EVERY_MS;
    const queued = store.reports.queued(config.batchMaxCalls);
    if (!queued.length) return CHECK_EVERY_MS;
    // Coalesce: send when the batch is full, when no report came for a window, or when the
    // oldest has waited ten windows (a steady trickle still goes out).
    const now = Date.now();
    const quiet = now - Math.max(...queued.map((r) => r.queuedMs));
    const age = now - queued[0]!.queuedMs;
    const maxWait = config.batchWindowMs * 10;
    if (queued.length < config.batchMaxCalls && quiet < config.batchWindowMs && age < maxWait) return Math.min(config.batchWindowMs - quiet, maxWait - age);
    const items = this.filter(queued);
    if (!items.length) return 0;
    const nonce = this.#nonce!;
    const signed = await withTimeout(signBatch(this.ctx.api, this.ctx.operator, items, nonce, config.mortalPeriod), 'signing');
    const x = store.tx(() => {
      const row = store.extrinsics.insert({ nonce, hash: signed.hash, birth: signed.birth, period: config.mortalPeriod, reportIds: items.map((r) => r.id) });
      items.forEach((r, i) => store.reports.submitted(r.id, row.id, i));
      return row;
    });
    this.#nonce = nonce + 1;
    this.ctx.log.info({ nonce, hash: signed.hash, calls: items.length, subscriptions: items.map((r) => r.deploymentId) }, 'outbox extrinsic signed');
    await this.submit(signed.xt, x, items);
    return 0;
  }

  /** Drops (and settles) queued reports the chain already reflects or that no longer apply. */
  private filter(reports: ReportRow[]): ReportRow[] {
    const { store } = this.ctx;
    const keep: ReportRow[] = [];
    store.tx(() => {
      for (const r of reports) {
        const a = applicability(store.deployments.get(r.deploymentId), r);
        if (a === 'needed') keep.push(r);
        else if (a === 'reflected') store.reports.reflected(r.id);
        else store.reports.failed(r.id, null, { name: 'Stale', docs: 'the deployment generation changed or its award ended before the report was sent' });
      }
    });
    return keep;
  }

  /** Re-signs a pending extrinsic that is nowhere on chain or in the pool, with the SAME nonce. */
  private async resign(x: ExtrinsicRow): Promise<void> {
    const { store, config } = this.ctx;
    const reports = x.reportIds.map((id) => store.reports.get(id)).filter((r): r is ReportRow => !!r && ['submitted', 'in-block', 'queued'].includes(r.status));
    let items = this.filter(reports);
    // The nonce must be used (later nonces wait for it): a batch with nothing left is an empty force_batch.
    if (!items.length) items = [];
    const signed = await withTimeout(signBatch(this.ctx.api, this.ctx.operator, items, x.nonce, config.mortalPeriod), 'signing');
    store.tx(() => {
      store.extrinsics.resigned(x.id, { hash: signed.hash, birth: signed.birth, reportIds: items.map((r) => r.id) });
      items.forEach((r, i) => store.reports.submitted(r.id, x.id, i));
    });
    this.ctx.metrics.extrinsics.inc({ outcome: 'resigned' });
    this.ctx.log.warn({ nonce: x.nonce, oldHash: x.hash, hash: signed.hash, calls: items.length }, 'outbox extrinsic re-signed (dropped, expired or never sent)');
    await this.submit(signed.xt, { ...x, hash: signed.hash }, items);
  }

  private async submit(xt: SubmittableExtrinsic<'promise'>, x: ExtrinsicRow, items: ReportRow[]): Promise<void> {
    const { store, metrics, log } = this.ctx;
    try {
      const unsub = await withTimeout(xt.send((result) => {
        if (result.status.isInBlock) {
          const hash = result.status.asInBlock.toHex();
          void this.ctx.api.rpc.chain
            .getHeader(hash)
            .then((h) =>
              store.tx(() => {
                for (const r of items) store.reports.inBlock(r.id, x.id, { hash, number: h.number.toNumber() });
              }),
            )
            .catch(() => undefined);
          for (const r of items) metrics.reportToInBlock.observe((Date.now() - r.queuedMs) / 1000);
          metrics.extrinsics.inc({ outcome: 'in-block' });
        } else if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped) {
          metrics.extrinsics.inc({ outcome: result.status.type.toLowerCase() });
          log.warn({ nonce: x.nonce, hash: x.hash, status: result.status.type }, 'outbox extrinsic left the pool; re-checking');
          this.#needsRecovery = true;
          this.wake();
        }
        if (result.status.isFinalized || result.status.isDropped || result.status.isInvalid || result.status.isUsurped || result.status.isFinalityTimeout) {
          unsub();
          this.#watches.delete(unsub);
        }
      }), 'submitting');
      this.#watches.add(unsub);
      metrics.extrinsics.inc({ outcome: 'submitted' });
    } catch (e) {
      metrics.extrinsics.inc({ outcome: 'rejected' });
      log.warn({ nonce: x.nonce, hash: x.hash, err: (e as Error).message }, 'the node refused an outbox extrinsic; re-checking the nonce');
      this.#needsRecovery = true;
    }
  }
}
