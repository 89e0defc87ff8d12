import type { BlockRecord } from '../../chain/chain.ts';
import type { TrieState } from '../../state/trie-state.ts';
import type { SubscriptionSink } from '../server/index.ts';
import { InvalidBlockHashError } from './errors.ts';
import type { SpecV1Options } from './options.ts';

/** A block pinned by one follow subscription; keeps its state alive even after pruning. */
export interface PinnedBlock {
  record: BlockRecord;
  state: TrieState | undefined;
}

/** An operation (body, call, storage) in flight on a follow subscription. */
export interface Operation {
  readonly id: string;
  /** Operation slots it holds (storage: one per item). */
  readonly slots: number;
  /** Set while paused on `operationWaitingForContinue`; calling it resumes the operation. */
  resume: (() => void) | undefined;
  done: boolean;
}

/** The state of one `chainHead_v1_follow` subscription: its pinned blocks and operations. */
export class FollowSubscription {
  readonly pinned = new Map<string, PinnedBlock>();
  readonly operations = new Map<string, Operation>();
  #nextOperation = 0;

  constructor(
    readonly withRuntime: boolean,
    readonly sink: SubscriptionSink,
    readonly options: SpecV1Options,
  ) {}

  get alive(): boolean {
    return !this.sink.closed;
  }

  send(event: Record<string, unknown>): void {
    this.sink.next(event);
  }

  /** Pins `record`; false when the limit is reached (the caller then stops the subscription). */
  pin(record: BlockRecord): boolean {
    if (this.pinned.size >= this.options.maxPinnedBlocks) return false;
    this.pinned.set(record.block.hash, { record, state: record.state });
    return true;
  }

  /** The pinned block `hash`, or -32801. */
  pinnedBlock(hash: string): PinnedBlock {
    const p = this.pinned.get(hash.toLowerCase());
    if (!p) throw new InvalidBlockHashError(hash);
    return p;
  }

  /** Sends `stop` and ends the subscription (its cleanup drops every pin and operation). */
  stop(): void {
    this.send({ event: 'stop' });
    this.sink.close();
  }

  get usedSlots(): number {
    let n = 0;
    for (const op of this.operations.values()) n += op.slots;
    return n;
  }

  /** Free operation slots. */
  get freeSlots(): number {
    return Math.max(0, this.options.maxOngoingOperations - this.usedSlots);
  }

  startOperation(slots: number): Operation {
    const op: Operation = { id: String(++this.#nextOperation), slots, resume: undefined, done: false };
    this.operations.set(op.id, op);
    return op;
  }

  /** Ends `op` (no more events for it). */
  finish(op: Operation): void {
    op.done = true;
    op.resume = undefined;
    this.operations.delete(op.id);
  }

  /** Emits `event` for `op` unless it was stopped or the subscription ended. */
  emit(op: Operation, event: Record<string, unknown>): boolean {
    if (op.done || !this.alive) return false;
    this.send({ ...event, operationId: op.id });
    return true;
  }

  dispose(): void {
    for (const op of this.operations.values()) this.finish(op);
    this.pinned.clear();
  }
}
