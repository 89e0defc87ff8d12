import type { Context } from '../../context.ts';
import type { Submitted } from '../../lib/tx.ts';
import { fields } from '../../lib/output.ts';

/** The common part of every transaction's result document. */
export function txDoc(s: Submitted): Record<string, unknown> {
  return { txHash: s.txHash, blockHash: s.blockHash ?? null, blockNumber: s.blockNumber ?? null, finalized: s.finalized };
}

/** Prints a transaction result: `doc` with --json, else a headline and fields. */
export function printTx(ctx: Context, s: Submitted, headline: string, doc: Record<string, unknown>, lines: Array<[string, string | number | undefined]> = []): void {
  ctx.out.result({ ...doc, ...txDoc(s) }, () => {
    const where = s.blockNumber !== undefined ? `in block #${s.blockNumber}${s.finalized ? ' (finalized)' : ''}` : 'submitted, not waited for (--wait none)';
    return [headline, fields([...lines, ['transaction', `${s.txHash} ${where}`]])].join('\n');
  });
}
