import { Command, Option } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { ipfsOptions } from './inspect.ts';
import { loadManifest, SnapshotCommandError, snapshotErrors } from './load.ts';

export function verifyCommand(): Command {
  return ipfsOptions(
    new Command('verify')
      .description('check a restored database directory against a manifest, offline: every file, size, chunk and whole-file SHA-256')
      .argument('<dir>', 'the database directory')
      .addOption(new Option('--manifest <manifest>', 'manifest file, URL or CID (default: the .dinfra-snapshot-manifest a restore left in DIR)')),
  ).action(
    action(async (ctx, dir: string, opts: { manifest?: string; ipfsApi?: string; ipfsRepo?: string }) => {
      const snap = await import('@dinfra/snapshot');
      const m = await loadManifest(opts.manifest ?? `${dir}/${snap.RESTORED_MANIFEST}`, opts);
      const diff = await snapshotErrors(() => snap.diffDirectory(dir, m.body));
      const doc = { dir, manifest: Buffer.from(m.id).toString('hex'), ok: diff.length === 0, files: m.body.files.length, bytes: snap.totalBytes(m.body), differences: diff };
      if (diff.length) {
        ctx.out.note(diff.slice(0, 20).map((d) => `  ${d.path}: ${d.detail}`).join('\n'));
        if (ctx.out.json) ctx.out.result(doc, () => '');
        throw new SnapshotCommandError('E_SNAPSHOT_CONTENT_MISMATCH', `${dir} does not match manifest 0x${doc.manifest}: ${diff.length} difference(s)`);
      }
      ctx.out.result(doc, () => fields([['verified', `${dir}: ${doc.files} files, ${doc.bytes} bytes match manifest 0x${doc.manifest}`]]));
    }),
  );
}
