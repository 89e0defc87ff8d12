import { importBlock, importBlockChecked, importBlocksChecked } from '../packages/node/src/chain/execute-block.ts';
import type { ImportFn } from './block-import.ts';

const oneByOne =
  (fn: typeof importBlockChecked | typeof importBlock): ImportFn =>
  async (executive, parent, blocks) => {
    for (const b of blocks) parent = await fn(executive, parent, b);
    return parent;
  };

/** The block import paths measured, by name. */
export const importers: Record<string, ImportFn> = {
  'pipelined (next blocks verified on workers during execution)': async (executive, parent, blocks) => (await importBlocksChecked(executive, parent, blocks)).at(-1) ?? parent,
  'block by block (each block verified on workers, then executed)': oneByOne(importBlockChecked),
  'sequential (main-thread verification)': oneByOne(importBlock),
};
