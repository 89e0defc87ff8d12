import { Command } from 'commander';
import { action } from '../../command.ts';
import { printTx } from './tx-result.ts';

export function setOperatorCommand(): Command {
  return new Command('set-operator')
    .description('set the account your gateway (OGate) signs status reports with')
    .argument('<address>', 'operator account (SS58 address)')
    .action(
      action(async (ctx, address: string) => {
        const signer = await ctx.signer();
        const api = await ctx.api();
        const operator = await ctx.account(address, 'operator');
        const s = await ctx.submit(api.tx.providers.setOperator!(operator), signer, 'Providers.set_operator');
        printTx(ctx, s, `Operator set to ${operator}.`, { provider: signer.address, operator });
      }),
    );
}
