import { dinfraRuntime } from '@dinfra/runtime';
import type { BenchAccount } from './accounts.ts';
import { spawnNode } from './node-proc.ts';
import { signedTransfer } from './transfers.ts';
import { WsRpc } from './ws-rpc.ts';

export interface StartupResult {
  /** process spawn -> "Running JSON-RPC server" in the log */
  rpcReadyMs: number;
  /** process spawn -> block #1 seen over RPC (instant sealing, one transfer submitted as soon as RPC is up) */
  firstBlockMs: number;
}

/** Start-up to first block with `--sealing instant` and one transfer. */
export async function benchStartup(specFile: string, sender: BenchAccount, dest: BenchAccount): Promise<StartupResult> {
  const node = await spawnNode(['--chain', specFile, '--tmp', '--sealing', 'instant']);
  try {
    const rpc = await WsRpc.connect(node.wsUrl);
    const genesisHash = await rpc.call<string>('chain_getBlockHash', [0]);
    await rpc.call('author_submitExtrinsic', [signedTransfer(dinfraRuntime(), genesisHash, sender, dest.hex, 1_000_000_000n, 0)]);
    for (;;) {
      const h = await rpc.call<{ number: string }>('chain_getHeader');
      if (Number(h.number) >= 1) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const firstBlockMs = performance.now() - node.spawnedAt;
    rpc.close();
    return { rpcReadyMs: node.rpcReadyMs, firstBlockMs };
  } finally {
    await node.kill();
  }
}
