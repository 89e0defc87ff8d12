import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const NODE_BIN = fileURLToPath(new URL('../packages/node/bin/dinfra-node.mjs', import.meta.url));

export interface BenchNode {
  child: ChildProcess;
  wsUrl: string;
  /** ms from spawn until the RPC server logged that it is running */
  rpcReadyMs: number;
  spawnedAt: number;
  logs(): string;
  kill(): Promise<void>;
}

/** Spawns dinfra-node (`node bin/dinfra-node.mjs ...args`) and waits for its RPC server. */
export async function spawnNode(args: string[], extraNodeArgs: string[] = []): Promise<BenchNode> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...extraNodeArgs, NODE_BIN, '--rpc-port', '0', '--no-prometheus', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const onData = (d: Buffer) => {
    out += d.toString();
    if (out.length > 1_000_000) out = out.slice(-200_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const re = /Running JSON-RPC server: addr=[^:]+:(\d+)/;
  while (!re.test(out)) {
    if (child.exitCode !== null) throw new Error(`dinfra-node exited (${child.exitCode}):\n${out}`);
    if (performance.now() - spawnedAt > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-node did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const rpcReadyMs = performance.now() - spawnedAt;
  const port = Number(re.exec(out)![1]);
  return {
    child,
    wsUrl: `ws://127.0.0.1:${port}`,
    rpcReadyMs,
    spawnedAt,
    logs: () => out,
    async kill() {
      // A profiled node must exit normally to write its profile.
      if (child.exitCode === null) child.kill(extraNodeArgs.some((a) => a.startsWith('--cpu-prof')) ? 'SIGINT' : 'SIGKILL');
      await exited;
    },
  };
}
