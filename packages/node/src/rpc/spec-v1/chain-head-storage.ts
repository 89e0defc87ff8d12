import { z } from 'zod';
import type { RpcMethodTable } from '../server/index.ts';
import { hash32, hex, parseParams } from '../params.ts';
import { InvalidContinueError } from './errors.ts';
import { limitReached } from './chain-head-block.ts';
import type { FollowSubscription, Operation } from './follow-subscription.ts';
import type { ConnectionRegistry } from './registry.ts';
import { storageResults, type StorageResultItem } from './storage-items.ts';

const queryType = z.enum(['value', 'hash', 'closestDescendantMerkleValue', 'descendantsValues', 'descendantsHashes']);
const storageItem = z.object({ key: hex, type: queryType });

/** Sends `results` a page at a time, pausing on `operationWaitingForContinue` between pages. */
function pump(sub: FollowSubscription, op: Operation, results: Iterator<StorageResultItem>, carry?: StorageResultItem): void {
  if (op.done) return;
  const page: StorageResultItem[] = carry ? [carry] : [];
  let next = results.next();
  while (!next.done && page.length < sub.options.storageItemsPerPage) {
    page.push(next.value);
    next = results.next();
  }
  if (page.length) sub.emit(op, { event: 'operationStorageItems', items: page });
  if (next.done) {
    sub.emit(op, { event: 'operationStorageDone' });
    sub.finish(op);
    return;
  }
  const pending = next.value;
  op.resume = () => setImmediate(() => pump(sub, op, results, pending));
  sub.emit(op, { event: 'operationWaitingForContinue' });
}

/** `chainHead_v1_storage` (value, hash, closestDescendantMerkleValue, descendants*) with pagination, `_continue`. */
export function chainHeadStorageMethods(follows: ConnectionRegistry<FollowSubscription>): RpcMethodTable {
  return {
    chainHead_v1_storage: (params, call) => {
      const [id, hash, items, childTrie] = parseParams(params, z.string(), hash32, z.array(storageItem), hex.nullish());
      const sub = follows.get(call.connectionId, id);
      if (!sub) return limitReached;
      const pinned = sub.pinnedBlock(hash);
      const accepted = Math.min(items.length, sub.freeSlots);
      if (accepted === 0 && items.length > 0) return limitReached;
      const op = sub.startOperation(accepted);
      setImmediate(() => {
        if (op.done) return;
        if (!pinned.state) {
          sub.emit(op, { event: 'operationInaccessible' });
          sub.finish(op);
        } else if (childTrie) {
          // dinfra-node keeps no child tries: every child-trie query is empty.
          sub.emit(op, { event: 'operationStorageDone' });
          sub.finish(op);
        } else {
          pump(sub, op, storageResults(pinned.state, items.slice(0, accepted)));
        }
      });
      return { result: 'started', operationId: op.id, discardedItems: items.length - accepted };
    },
    chainHead_v1_continue: (params, call) => {
      const [id, operationId] = parseParams(params, z.string(), z.string());
      const op = follows.get(call.connectionId, id)?.operations.get(operationId);
      if (!op) return null;
      if (!op.resume) throw new InvalidContinueError(operationId);
      const resume = op.resume;
      op.resume = undefined;
      resume();
      return null;
    },
  };
}
