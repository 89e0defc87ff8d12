import { importBlock } from '../packages/node/src/chain/execute-block.ts';
import type { ImportFn } from './block-import.ts';

/** The block import paths measured, by name. */
export const importers: Record<string, ImportFn> = {
  'sequential (main-thread verify)': importBlock,
};
