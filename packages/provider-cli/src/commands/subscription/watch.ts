import { Command, Option } from 'commander';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { PalletDinfraSubscriptionsLossCause } from '@dinfra/runtime-specs/augment';
import { action } from '../../command.ts';
import type { Context } from '../../context.ts';
import { toLossCause } from '../../lib/chain.ts';
import { parseId } from './id.ts';
import { causeText, lossText } from './loss-text.ts';
import { loadView, viewDoc } from './view.ts';

type Until = 'terminated' | 'running';

/** One event of subscription `id` as a JSON document and a line of text. */
function describeEvent(ctx: Context, block: number, r: EventRecord): { doc: Record<string, unknown>; text: string } {
  const e = r.event;
  const data = e.data.toJSON() as unknown[];
  const names = (e.meta.fields ?? []).map((f) => f.name.toString());
  const fields: Record<string, unknown> = {};
  names.forEach((n, i) => (fields[n.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())] = data[i]));
  // AwardLost: `cause` as its name, and the Failed report's reason as text (not hex).
  const loss = e.method === 'AwardLost' ? toLossCause(e.data[2] as unknown as PalletDinfraSubscriptionsLossCause) : undefined;
  if (loss) Object.assign(fields, { cause: loss.cause, reason: loss.reason ?? null });
  const amount = (k: string) => (fields[k] !== undefined ? ctx.fmt(BigInt(String(fields[k]))) : '');
  const human: Record<string, () => string> = {
    Awarded: () => `awarded to ${String(fields.provider)} at ${amount('pricePerBlock')}/block (ack by #${String(fields.ackDeadline)})`,
    AwardLost: () => `${String(fields.provider)} lost the award: ${causeText(loss!.cause, loss!.reason)}`,
    StatusChanged: () => `status ${JSON.stringify(fields.status)}`,
    BillingStarted: () => `billing started; expires at ${fields.expiresAt === null ? 'never' : `#${String(fields.expiresAt)}`}`,
    Settled: () => `settled ${amount('amount')} to the provider (up to #${String(fields.settledTo)})`,
    ToppedUp: () => `topped up ${amount('amount')}; deposit ${amount('deposit')}, expires at #${String(fields.expiresAt)}`,
    FundsLow: () => `funds low: ${amount('remaining')} left, expires at #${String(fields.expiresAt)}`,
    Terminated: () => `terminated (${String(fields.reason)}); refunded ${amount('refund')}`,
    Purged: () => 'purged from storage',
  };
  return {
    doc: { block, event: e.method, ...fields },
    text: `#${block} ${human[e.method]?.() ?? e.method}`,
  };
}

export function watchCommand(): Command {
  return new Command('watch')
    .description('follow a subscription: print each of its events as blocks arrive (Ctrl-C to stop)')
    .argument('<id>', 'subscription id')
    .addOption(new Option('--until <state>', 'stop once the subscription is running, or terminated').choices(['running', 'terminated']).default('terminated'))
    .addHelpText('after', '\nWith --json, prints one JSON object per line: the current state first, then one per event\n(AwardLost: `cause` AckTimeout or Failed, and `reason`, the text of the Failed report).')
    .action(
      action(async (ctx, idArg: string, o: { until: Until }) => {
        const id = parseId(idArg);
        const api = await ctx.api();
        const view = await loadView(ctx, id);
        const first = viewDoc(view);
        const lost = view.sub.lastLoss ? `; last award lost: ${lossText(view.sub.lastLoss, view.lostProviderName)}` : '';
        ctx.out.line({ block: first.bestBlock, event: 'State', subscription: first }, `#${String(first.bestBlock)} state ${String(first.state)}${(first.endpoints as string[]).length ? ` ${(first.endpoints as string[]).join(', ')}` : ''}${lost}`);
        const finished = (state: unknown) => state === 'Terminated' || (o.until === 'running' && state === 'Running');
        if (finished(first.state)) return;
        await new Promise<void>((resolve, reject) => {
          let unsub: (() => void) | undefined;
          let done = false;
          let queue = Promise.resolve();
          const stop = (f: () => void) => {
            if (done) return;
            done = true;
            unsub?.();
            f();
          };
          // Ctrl-C is the normal end of a watch: exit 0.
          ctx.signal.addEventListener('abort', () => stop(resolve), { once: true });
          api.rpc.chain
            .subscribeNewHeads((header) => {
              queue = queue.then(async () => {
                // The first head may be the block `first` was read at: its events are already reflected.
                if (done || header.number.toNumber() <= (first.bestBlock as number)) return;
                const events = (await (await api.at(header.hash)).query.system!.events!()) as unknown as EventRecord[];
                for (const r of events) {
                  if (r.event.section !== 'subscriptions' || BigInt(r.event.data[0]!.toString()) !== id) continue;
                  const d = describeEvent(ctx, header.number.toNumber(), r);
                  ctx.out.line(d.doc, d.text);
                }
                const now = viewDoc(await loadView(ctx, id));
                if (finished(now.state)) stop(resolve);
              }).catch((e: unknown) => stop(() => reject(e)));
            })
            .then((u) => {
              unsub = u;
              if (done) u();
            })
            .catch((e: unknown) => stop(() => reject(e)));
        });
      }),
    );
}
