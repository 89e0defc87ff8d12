import type { Context } from '../../context.ts';
import * as chain from '../../lib/chain.ts';
import type { Subscription } from '@dinfra/runtime-specs';
import { InterruptedError, OperationError } from '../../lib/errors.ts';
import { lossText } from './loss-text.ts';

/**
 * Follows a subscription block by block until it is Running (or Terminated: OperationError),
 * reporting each change of state or provider on the progress line. Ctrl-C stops waiting; the
 * subscription itself is unaffected.
 */
export async function waitForRunning(ctx: Context, id: bigint, names: (address: string) => Promise<string>): Promise<Subscription> {
  const api = await ctx.api();
  let last = '';
  return new Promise<Subscription>((resolve, reject) => {
    let unsub: (() => void) | undefined;
    let done = false;
    const stop = (f: () => void) => {
      if (done) return;
      done = true;
      ctx.signal.removeEventListener('abort', onAbort);
      unsub?.();
      f();
    };
    const onAbort = () => stop(() => reject(new InterruptedError(`stopped waiting; subscription ${id} goes on (see \`dinfra subscription show ${id}\`)`)));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const check = async () => {
      const sub = await chain.subscription(api, id);
      if (!sub) return stop(() => reject(new OperationError(`subscription ${id} disappeared`)));
      const key = `${sub.state}/${sub.provider}/${sub.endpoints.join(',')}`;
      if (key !== last) {
        last = key;
        const who = await names(sub.provider);
        const lost = sub.lastLoss && sub.lastLoss.at >= sub.awardedAt ? `${lossText(sub.lastLoss, await names(sub.lastLoss.provider))}; re-` : '';
        if (sub.state === 'Awarded') ctx.progress.step(`${lost}awarded to ${who}: waiting for it to provision`);
        else if (sub.state === 'Provisioning') ctx.progress.step(`${who} is provisioning`);
        else if (sub.state === 'Running' || sub.state === 'Degraded') ctx.progress.step(`${sub.state.toLowerCase()}: ${sub.endpoints.join(', ')}`);
      }
      if (sub.state === 'Running') stop(() => resolve(sub));
      else if (sub.state === 'Terminated') {
        const why = sub.lastLoss ? `; last award lost: ${lossText(sub.lastLoss, await names(sub.lastLoss.provider))}` : '';
        stop(() => reject(new OperationError(`subscription ${id} was terminated (${sub.terminationReason}) before it ran${why}`)));
      }
    };
    api.rpc.chain
      .subscribeNewHeads(() => {
        check().catch((e: unknown) => stop(() => reject(e)));
      })
      .then((u) => {
        unsub = u;
        if (done) u();
      })
      .catch((e: unknown) => stop(() => reject(e)));
  });
}
