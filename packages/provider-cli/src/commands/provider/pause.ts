import { Command } from 'commander';
import { action } from '../../command.ts';
import { printTx } from './tx-result.ts';

function statusCommand(name: 'pause' | 'resume', description: string, done: string): Command {
  return new Command(name).description(description).action(
    action(async (ctx) => {
      const signer = await ctx.signer();
      const api = await ctx.api();
      const s = await ctx.submit(api.tx.providers[name]!(), signer, `Providers.${name}`);
      printTx(ctx, s, done, { provider: signer.address, status: name === 'pause' ? 'Paused' : 'Active' });
    }),
  );
}

export const pauseCommand = () => statusCommand('pause', 'receive no new awards (existing subscriptions continue)', 'Provider paused: no new awards.');
export const resumeCommand = () => statusCommand('resume', 'receive new awards again', 'Provider resumed.');
