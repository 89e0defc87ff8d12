/**
 * Regenerates runtime-specs/src/interfaces (the @polkadot/api augmentation) from dinfra-node's
 * metadata: starts a dev node, runs @polkadot/typegen against it, stops it.
 *
 *   pnpm --filter @dinfra/runtime-specs typegen            # regenerate (commit the result)
 *   pnpm --filter @dinfra/runtime-specs typegen --check    # fail if the committed files are stale
 *   ... --endpoint ws://127.0.0.1:9944                     # use a running node instead
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevNode, type DevNode } from './dev-node.ts';
import { diffGenerated, generateAugmentation, INTERFACES_DIR, PACKAGE_DIR, REGENERATE_COMMAND } from './generate.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, endpoint: { type: 'string' } } });

let node: DevNode | undefined;
let tmp: string | undefined;
let code = 0;
try {
  if (!values.endpoint) node = await startDevNode();
  const endpoint = values.endpoint ?? node!.wsUrl;
  if (values.check) {
    tmp = mkdtempSync(join(PACKAGE_DIR, '.tmp-typegen-'));
    generateAugmentation(endpoint, tmp);
    const stale = diffGenerated(INTERFACES_DIR, tmp);
    if (stale.length) {
      code = 1;
      console.error(
        `runtime-specs/src/interfaces is out of date with dinfra-node's metadata (${stale.join(', ')}).\n` +
          `Run \`${REGENERATE_COMMAND}\` and commit runtime-specs/src/interfaces.`,
      );
    } else {
      console.log('runtime-specs/src/interfaces is up to date with the node metadata.');
    }
  } else {
    generateAugmentation(endpoint, INTERFACES_DIR);
    console.log(`Generated runtime-specs/src/interfaces from ${endpoint}.`);
  }
} catch (e) {
  code = 1;
  console.error((e as Error).message);
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await node?.stop();
}
process.exit(code);
