import { EventEmitter } from 'node:events';
import { compactToU8a } from '@polkadot/util';
import { decodeExtrinsic, TransactionValidityError, DecodeError, SystemStorage, type CheckedInput, type Executive } from '@dinfra/runtime';
import type { Chain, BlockRecord } from '../chain/chain.ts';
import type { PoolTx, TxListener, TxStatus } from './types.ts';
import { checkSignatures, sharedVerifier, type SignatureVerifier } from '../verify/index.ts';
import { PoolError, alreadyImported, badFormat, immediatelyDropped, tooLowPriority, validityError } from './pool-errors.ts';

/** Bytes taken by the SCALE compact integer at the start of `bytes`. */
function compactPrefixLength(bytes: Uint8Array): number {
  const mode = bytes[0]! & 0b11;
  return mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : 5 + (bytes[0]! >> 2);
}

export interface PoolOptions {
  /** Maximum transactions in the ready queue (Substrate's --pool-limit default: 8192). */
  readyLimit: number;
  /** Maximum transactions waiting for an earlier nonce. */
  futureLimit: number;
  /** Checks signatures off the main thread; default: the process-wide verifier. */
  verifier?: SignatureVerifier;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = { readyLimit: 8192, futureLimit: 819 };

/**
 * The transaction pool: validated transactions per sender in nonce order. A transaction whose
 * nonce is ahead of the sender's next nonce waits in the future queue until the gap closes.
 */
export class TransactionPool extends EventEmitter<{ ready: []; changed: [] }> {
  readonly #bySender = new Map<string, Map<number, PoolTx>>();
  readonly #byHash = new Map<string, PoolTx>();
  readonly #listeners = new Map<string, Set<TxListener>>();
  /** On-chain next nonce of pool senders at block `#noncesAt` (read lazily, updated per block from its changes). */
  readonly #chainNonce = new Map<string, number>();
  #noncesAt = '';
  /** System.Account storage key -> sender, for the senders in the pool. */
  readonly #accountKeys = new Map<string, string>();
  /** Transactions with a finite lifetime (mortal era). */
  readonly #mortal = new Set<PoolTx>();
  #readyCount: number | undefined;
  #seq = 0;

  constructor(
    readonly chain: Chain,
    readonly executive: Executive,
    readonly options: PoolOptions = DEFAULT_POOL_OPTIONS,
  ) {
    super();
    void this.#verifier; // start the workers now, not on the first submission
  }

  get #verifier(): SignatureVerifier {
    return this.options.verifier ?? sharedVerifier();
  }

  get size(): number {
    return this.#byHash.size;
  }

  #nextNonce(signer: string, best: BlockRecord): number {
    if (this.#noncesAt !== best.block.hash) {
      this.#chainNonce.clear();
      this.#noncesAt = best.block.hash;
    }
    let nonce = this.#chainNonce.get(signer);
    if (nonce === undefined) {
      nonce = SystemStorage.Account.get(best.state!, signer)?.nonce ?? 0;
      this.#chainNonce.set(signer, nonce);
    }
    return nonce;
  }

  /** Ready = contiguous from the sender's on-chain nonce. */
  readyCount(): number {
    if (this.#readyCount !== undefined && this.#noncesAt === this.chain.best.block.hash) return this.#readyCount;
    let n = 0;
    const best = this.chain.best;
    for (const [signer, txs] of this.#bySender) {
      let nonce = this.#nextNonce(signer, best);
      while (txs.has(nonce)) {
        n++;
        nonce++;
      }
    }
    this.#readyCount = n;
    return n;
  }

  /** Whether `hash` is in the pool and includable now (its nonce is the sender's next, or follows a ready one). */
  isReady(hash: string): boolean {
    const tx = this.#byHash.get(hash);
    if (!tx) return false;
    let nonce = this.#nextNonce(tx.signer, this.chain.best);
    const txs = this.#bySender.get(tx.signer)!;
    while (txs.has(nonce) && nonce < tx.nonce) nonce++;
    return nonce === tx.nonce;
  }

  has(hash: string): boolean {
    return this.#byHash.has(hash);
  }

  pending(): PoolTx[] {
    return [...this.#byHash.values()].sort((a, b) => a.seq - b.seq);
  }

  #decode(bytes: Uint8Array): CheckedInput {
    try {
      const xt = decodeExtrinsic(this.executive.runtime, bytes);
      // As parity-scale-codec, refuse a length prefix longer than needed: the same transaction
      // must not enter under several encodings (and hashes).
      if (compactPrefixLength(bytes) !== compactToU8a(bytes.length - compactPrefixLength(bytes)).length) {
        throw new DecodeError('Could not decode extrinsic length: out of range decoding Compact<u32>');
      }
      return xt;
    } catch (e) {
      if (e instanceof DecodeError) throw badFormat(e.message);
      // Not a decoding verdict but a bug (TypeError, ...): let it surface as one (the RPC
      // server answers -32603 and logs it at warn) rather than dressing it up as bad input.
      throw e;
    }
  }

  /** Decodes and validates `bytes` against the best block (signature checked inline); throws PoolError. */
  validate(bytes: Uint8Array): { xt: CheckedInput; validUntil: number; priority: bigint; future: boolean } {
    return this.#validate(this.#decode(bytes));
  }

  #validate(xt: CheckedInput): { xt: CheckedInput; validUntil: number; priority: bigint; future: boolean } {
    const best = this.chain.best;
    const number = best.block.header.number + 1;
    try {
      const valid = this.executive.validateTransaction(best.state!, number, best.block.hash, xt);
      const validUntil = valid.longevity > 2n ** 31n ? Number.MAX_SAFE_INTEGER : number + Number(valid.longevity) - 1;
      return { xt, validUntil, priority: valid.priority, future: valid.requires.length > 0 };
    } catch (e) {
      if (e instanceof TransactionValidityError) throw validityError(e.value);
      throw e;
    }
  }

  /**
   * Adds a transaction; resolves with its hash. `listener` receives its status updates. The
   * signature is checked on the verifier's workers (batched with concurrent submissions), then
   * the transaction is validated against the best block as it is at that moment.
   */
  async submit(bytes: Uint8Array, listener?: TxListener): Promise<string> {
    const xt = this.#decode(bytes);
    if (this.#byHash.has(xt.hash)) throw alreadyImported();
    if (xt.signed) {
      const best = this.chain.best;
      await checkSignatures(this.#verifier, this.executive, best.state!, best.block.header.number + 1, best.block.hash, [xt]);
      if (this.#byHash.has(xt.hash)) throw alreadyImported();
      // Checked against an older best block? The payload only depends on it for mortal eras.
      if (this.chain.best !== best && xt.signed.era.mortal) delete xt.signatureOk;
    }
    const { validUntil, priority, future } = this.#validate(xt);
    const signed = xt.signed!;
    const txs = this.#bySender.get(signed.signer) ?? new Map<number, PoolTx>();
    const existing = txs.get(signed.nonce);
    if (existing && existing.priority >= priority) throw tooLowPriority(existing.priority, priority);
    if (!existing && this.#byHash.size >= this.options.readyLimit + this.options.futureLimit) throw immediatelyDropped();
    const tx: PoolTx = { xt, hash: xt.hash, signer: signed.signer, nonce: signed.nonce, priority, seq: this.#seq++, validUntil };
    if (existing) this.#remove(existing, { usurped: tx.hash });
    txs.set(signed.nonce, tx);
    this.#bySender.set(signed.signer, txs);
    this.#byHash.set(tx.hash, tx);
    this.#accountKeys.set(SystemStorage.Account.key(signed.signer), signed.signer);
    if (validUntil !== Number.MAX_SAFE_INTEGER) this.#mortal.add(tx);
    this.#readyCount = undefined;
    if (listener) this.watch(tx.hash, listener);
    this.#notify(tx.hash, future ? 'future' : 'ready');
    this.emit('changed');
    if (!future) this.emit('ready');
    return tx.hash;
  }

  watch(hash: string, listener: TxListener): () => void {
    const set = this.#listeners.get(hash) ?? new Set();
    set.add(listener);
    this.#listeners.set(hash, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(hash);
    };
  }

  #notify(hash: string, status: TxStatus): void {
    for (const l of this.#listeners.get(hash) ?? []) l(status);
    const final = typeof status === 'string' ? status === 'dropped' || status === 'invalid' : 'finalized' in status || 'usurped' in status || 'finalityTimeout' in status;
    if (final) this.#listeners.delete(hash);
  }

  notify(hash: string, status: TxStatus): void {
    this.#notify(hash, status);
  }

  #remove(tx: PoolTx, status?: TxStatus): void {
    this.#byHash.delete(tx.hash);
    this.#mortal.delete(tx);
    this.#readyCount = undefined;
    const txs = this.#bySender.get(tx.signer);
    if (txs?.get(tx.nonce) === tx) {
      txs.delete(tx.nonce);
      if (txs.size === 0) {
        this.#bySender.delete(tx.signer);
        this.#chainNonce.delete(tx.signer);
        this.#accountKeys.delete(SystemStorage.Account.key(tx.signer));
      }
    }
    if (status) this.#notify(tx.hash, status);
  }

  removeByHash(hash: string, status?: TxStatus): boolean {
    const tx = this.#byHash.get(hash);
    if (!tx) return false;
    this.#remove(tx, status);
    return true;
  }

  /**
   * Candidates for the next block: each sender's contiguous nonce run from its on-chain nonce,
   * interleaved across senders by priority then arrival.
   */
  *candidates(): Generator<CheckedInput> {
    const best = this.chain.best;
    const heads: Array<{ signer: string; nonce: number; tx: PoolTx }> = [];
    for (const [signer, txs] of this.#bySender) {
      const nonce = this.#nextNonce(signer, best);
      const tx = txs.get(nonce);
      if (tx) heads.push({ signer, nonce, tx });
    }
    const cmp = (a: PoolTx, b: PoolTx) => (a.priority === b.priority ? a.seq - b.seq : a.priority > b.priority ? -1 : 1);
    // A sorted array read from `at`; a sender's next nonce is inserted in order behind it.
    heads.sort((a, b) => cmp(a.tx, b.tx));
    for (let at = 0; at < heads.length; at++) {
      const head = heads[at]!;
      yield head.tx.xt;
      const next = this.#bySender.get(head.signer)?.get(head.nonce + 1);
      if (next) {
        const entry = { signer: head.signer, nonce: head.nonce + 1, tx: next };
        let lo = at + 1;
        let hi = heads.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cmp(next, heads[mid]!.tx) < 0) hi = mid;
          else lo = mid + 1;
        }
        heads.splice(lo, 0, entry);
      }
    }
  }

  /** After a block: drop included, stale and expired transactions; report the rest's new state. */
  onBlock(record: BlockRecord, included: Set<string>): void {
    for (const hash of included) {
      // Transactions forwarded elsewhere (follower) are not in this pool but may be watched here.
      if (!this.removeByHash(hash, { inBlock: record.block.hash })) this.#notify(hash, { inBlock: record.block.hash });
    }
    const number = record.block.header.number;
    let promoted = false;
    // Only senders whose account the block changed can have a new nonce (O(block), not O(pool)).
    const incremental = this.#noncesAt === record.block.header.parentHash && this.chain.best === record;
    const senders = new Set<string>();
    if (incremental) {
      for (const key of record.changes.keys()) {
        const signer = this.#accountKeys.get(key);
        if (signer) senders.add(signer);
      }
      for (const signer of senders) this.#chainNonce.delete(signer);
      this.#noncesAt = record.block.hash;
    } else {
      for (const signer of this.#bySender.keys()) senders.add(signer);
    }
    const expired = [...this.#mortal].filter((tx) => tx.validUntil < number + 1);
    for (const tx of expired) senders.add(tx.signer);
    for (const signer of senders) {
      const txs = this.#bySender.get(signer);
      if (!txs) continue;
      const nonce = SystemStorage.Account.get(record.state!, signer)?.nonce ?? 0;
      for (const tx of [...txs.values()]) {
        if (tx.nonce < nonce) this.#remove(tx, 'invalid');
        else if (tx.validUntil < number + 1) this.#remove(tx, 'invalid');
      }
      if (txs.has(nonce)) promoted = true;
    }
    this.#readyCount = undefined;
    this.emit('changed');
    if (promoted) this.emit('ready');
  }

  /** A transaction that failed validity at block building is dropped as invalid. */
  reject(hash: string): void {
    this.removeByHash(hash, 'invalid');
  }
}

export { PoolError };
