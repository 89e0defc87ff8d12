import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hexToU8a } from '@polkadot/util';
import { verifyMultiSignature } from '@dinfra/runtime';
import type { VerifierOptions, VerifyItem } from './types.ts';

const WORKER_URL = new URL('./verify-worker.mjs', import.meta.url);

interface Job {
  items: VerifyItem[];
  resolve: (ok: boolean[]) => void;
  retries: number;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Job>;
}

/** Packs sr25519 items into three flat buffers (cheap to post): keys, signatures, messages + offsets. */
function pack(items: VerifyItem[]): { pubkeys: Uint8Array; sigs: Uint8Array; msgs: Uint8Array; offsets: Uint32Array } {
  const pubkeys = new Uint8Array(items.length * 32);
  const sigs = new Uint8Array(items.length * 64);
  const offsets = new Uint32Array(items.length + 1);
  let total = 0;
  items.forEach((it, i) => {
    offsets[i] = total;
    total += it.message.length;
  });
  offsets[items.length] = total;
  const msgs = new Uint8Array(total);
  items.forEach((it, i) => {
    pubkeys.set(it.signer, i * 32);
    sigs.set(hexToU8a(it.signature.value), i * 64);
    msgs.set(it.message, offsets[i]!);
  });
  return { pubkeys, sigs, msgs, offsets };
}

/** Whether an item is sr25519 with well-formed lengths (the only kind sent to workers). */
const forWorker = (it: VerifyItem) => it.signature.type === 'Sr25519' && it.signer.length === 32 && it.signature.value.length === 130;

/**
 * Verifies signatures on worker threads, in batches: callers `verify()` one signature at a time
 * and the requests made in the same tick go to the workers together; `verifyMany()` splits a
 * large set (a block) across all workers. Only sr25519 goes to workers (ed25519 and ECDSA are
 * rare here and checked inline). A worker that dies is replaced and its batches are retried.
 */
export class SignatureVerifier {
  readonly #slots: Slot[] = [];
  readonly #maxBatch: number;
  readonly #maxRetries: number;
  #queue: Array<{ item: VerifyItem; resolve: (ok: boolean) => void }> = [];
  #flushScheduled = false;
  #nextId = 1;
  #closed = false;
  /** Worker replacements so far (for tests and metrics). */
  restarts = 0;

  constructor(options: VerifierOptions = {}) {
    const workers = options.workers ?? Math.min(2, availableParallelism());
    this.#maxBatch = options.maxBatch ?? 512;
    this.#maxRetries = options.maxRetries ?? 2;
    for (let i = 0; i < workers; i++) this.#slots.push(this.#spawn());
  }

  get workers(): number {
    return this.#slots.length;
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (m: { id: number; ok: Uint8Array }) => {
      const job = slot.inFlight.get(m.id);
      if (!job) return;
      slot.inFlight.delete(m.id);
      if (slot.inFlight.size === 0) worker.unref();
      job.resolve(Array.from(m.ok, (b) => b === 1));
    });
    const onDeath = () => this.#replace(slot);
    worker.once('error', onDeath);
    worker.once('exit', onDeath);
    return slot;
  }

  #replace(slot: Slot): void {
    const i = this.#slots.indexOf(slot);
    if (i < 0) return; // already replaced (error then exit)
    const jobs = [...slot.inFlight.values()];
    slot.inFlight.clear();
    if (this.#closed) {
      for (const job of jobs) job.resolve(job.items.map(verifyInline));
      return;
    }
    this.restarts++;
    this.#slots[i] = this.#spawn();
    for (const job of jobs) {
      job.retries++;
      if (job.retries > this.#maxRetries) job.resolve(job.items.map(verifyInline));
      else this.#dispatch(job);
    }
  }

  #dispatch(job: Job): void {
    const slot = this.#slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    const id = this.#nextId++;
    slot.inFlight.set(id, job);
    slot.worker.ref();
    const packed = pack(job.items);
    const transfer = [packed.pubkeys.buffer, packed.sigs.buffer, packed.msgs.buffer, packed.offsets.buffer] as ArrayBuffer[];
    slot.worker.postMessage({ id, ...packed }, transfer);
  }

  /** Verifies `items` split over the workers; resolves with one boolean per item. */
  async verifyMany(items: VerifyItem[]): Promise<boolean[]> {
    const out = new Array<boolean>(items.length);
    const remote: number[] = [];
    items.forEach((it, i) => {
      if (this.#slots.length && !this.#closed && forWorker(it)) remote.push(i);
      else out[i] = verifyInline(it);
    });
    if (!remote.length) return out;
    const parts = Math.max(1, Math.min(this.#slots.length, Math.ceil(remote.length / 16)));
    const size = Math.min(this.#maxBatch, Math.ceil(remote.length / parts));
    const chunks: Array<Promise<void>> = [];
    for (let s = 0; s < remote.length; s += size) {
      const idx = remote.slice(s, s + size);
      chunks.push(
        new Promise<boolean[]>((resolve) => this.#dispatch({ items: idx.map((i) => items[i]!), resolve, retries: 0 })).then((ok) => {
          idx.forEach((i, k) => (out[i] = ok[k]!));
        }),
      );
    }
    await Promise.all(chunks);
    return out;
  }

  /** Verifies one signature; requests made in the same tick are sent to the workers together. */
  verify(item: VerifyItem): Promise<boolean> {
    if (!this.#slots.length || this.#closed || !forWorker(item)) return Promise.resolve(verifyInline(item));
    return new Promise((resolve) => {
      this.#queue.push({ item, resolve });
      if (this.#queue.length >= this.#maxBatch * this.#slots.length) this.#flush();
      else if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const queue = this.#queue;
    if (!queue.length) return;
    this.#queue = [];
    void this.verifyMany(queue.map((q) => q.item)).then((ok) => queue.forEach((q, i) => q.resolve(ok[i]!)));
  }

  /** For tests: kills worker `i` as a crash would. */
  crashWorkerForTest(i = 0): Promise<number> {
    return this.#slots[i]!.worker.terminate();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#flush();
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}

/** Verifies on the calling thread (never throws). */
export function verifyInline(item: VerifyItem): boolean {
  return verifyMultiSignature(item.signature, item.message, item.signer);
}
