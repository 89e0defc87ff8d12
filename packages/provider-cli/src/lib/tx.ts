import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { chainRefused, decodeDispatchError, type DispatchErrorLike } from './dispatch-error.ts';
import { InterruptedError, OperationError } from './errors.ts';
import type { Progress } from './progress.ts';

/** How long `dinfra` waits after submitting: `running` also waits for a subscription to run. */
export type WaitFor = 'none' | 'in-block' | 'finalized' | 'running';
export const WAIT_CHOICES: WaitFor[] = ['none', 'in-block', 'finalized', 'running'];

export interface Submitted {
  txHash: string;
  /** Undefined with `--wait none`. */
  blockHash: string | undefined;
  blockNumber: number | undefined;
  finalized: boolean;
  events: EventRecord[];
}

export interface SubmitOptions {
  wait: WaitFor;
  progress: Progress;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Shown in progress lines, e.g. `Subscriptions.subscribe`. */
  label: string;
}

/** An event of the extrinsic, e.g. `find(events, 'subscriptions', 'Subscribed')`. */
export function findEvent(events: EventRecord[], section: string, method: string): EventRecord['event'] | undefined {
  return events.find((r) => r.event.section === section && r.event.method === method)?.event;
}

/**
 * Signs `tx` with `signer`, submits it and waits as asked, with progress on stderr. A dispatch
 * error (ExtrinsicFailed, or a failed `Sudo.Sudid`) throws ChainRefusedError with the decoded
 * error; a pool rejection or drop throws OperationError. Ctrl-C before submission submits
 * nothing; after submission it stops waiting and says the transaction may still be included.
 */
export async function signAndSubmit(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair, o: SubmitOptions): Promise<Submitted> {
  if (o.signal.aborted) throw new InterruptedError('interrupted before signing: nothing was submitted');
  o.progress.step(`signing ${o.label} as ${signer.address}`);
  let txHash = '';
  let unsub: (() => void) | undefined;
  const waitFinal = o.wait === 'finalized' || o.wait === 'running';
  const result = new Promise<Submitted>((resolve, reject) => {
    let inBlock: { hash: string; events: EventRecord[] } | undefined;
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      unsub?.();
      reject(
        new InterruptedError(
          txHash
            ? `interrupted: transaction ${txHash} was submitted and may still be included; check the chain before retrying`
            : 'interrupted before submission: nothing was submitted',
        ),
      );
    };
    o.signal.addEventListener('abort', onAbort, { once: true });
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      o.signal.removeEventListener('abort', onAbort);
      unsub?.();
      f();
    };
    const finish = async (blockHash: string, events: EventRecord[], finalized: boolean) => {
      try {
        const failure = dispatchFailure(api, events);
        const header = await api.rpc.chain.getHeader(blockHash);
        settle(() => (failure ? reject(failure) : resolve({ txHash, blockHash, blockNumber: header.number.toNumber(), finalized, events })));
      } catch (e) {
        settle(() => reject(e));
      }
    };
    tx.signAndSend(signer, { nonce: -1 }, (r) => {
      txHash ||= r.txHash.toHex();
      const s = r.status;
      if (s.isReady || s.isFuture) {
        o.progress.step(`submitted ${txHash}`);
        if (o.wait === 'none') settle(() => resolve({ txHash, blockHash: undefined, blockNumber: undefined, finalized: false, events: [] }));
      } else if (s.isInBlock) {
        inBlock = { hash: s.asInBlock.toHex(), events: [...r.events] };
        o.progress.step(`in block ${inBlock.hash}`);
        const failure = dispatchFailure(api, inBlock.events);
        if (failure || !waitFinal) void finish(inBlock.hash, inBlock.events, false);
      } else if (s.isFinalized) {
        o.progress.step(`finalized ${s.asFinalized.toHex()}`);
        void finish(s.asFinalized.toHex(), r.events.length ? [...r.events] : inBlock?.events ?? [], true);
      } else if (s.isInvalid || s.isDropped || s.isUsurped) {
        settle(() => reject(new OperationError(`transaction ${txHash} was ${s.type.toLowerCase()} by the node's pool`)));
      } else if (s.isFinalityTimeout) {
        settle(() => reject(new OperationError(`transaction ${txHash}: its block was not finalized in time`)));
      }
    })
      .then((u) => {
        unsub = u;
        if (settled || o.signal.aborted) u();
      })
      .catch((e: unknown) => {
        const msg = e instanceof Error ? e.message : String(e);
        settle(() => reject(new OperationError(`the node refused the transaction: ${msg}`, { cause: e })));
      });
  });
  return result;
}

/** The decoded failure of an extrinsic from its events (ExtrinsicFailed, or Sudid with an Err). */
function dispatchFailure(api: ApiPromise, events: EventRecord[]): Error | undefined {
  for (const { event } of events) {
    if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
      return chainRefused(api.registry, event.data[0] as unknown as DispatchErrorLike);
    }
    if (event.section === 'sudo' && event.method === 'Sudid') {
      const r = event.data[0] as unknown as { isErr: boolean; asErr: DispatchErrorLike };
      if (r.isErr) return chainRefused(api.registry, r.asErr);
    }
  }
  return undefined;
}

export { decodeDispatchError };
