import { Command } from 'commander';
import { createCommand } from './create.ts';
import { fetchCommand } from './fetch.ts';
import { inspectCommand } from './inspect.ts';
import { verifyCommand } from './verify.ts';

export function snapshotCommand(): Command {
  return new Command('snapshot')
    .description('fast-sync snapshots with signed manifests (runtime-specs/snapshot-manifest.md): create, fetch, verify, inspect')
    .addCommand(createCommand())
    .addCommand(fetchCommand())
    .addCommand(verifyCommand())
    .addCommand(inspectCommand());
}
