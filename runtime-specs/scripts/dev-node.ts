import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const NODE_BIN = fileURLToPath(new URL('../node_modules/@dinfra/node/bin/dinfra-node.mjs', import.meta.url));

export interface DevNode {
  wsUrl: string;
  stop(): Promise<void>;
}

/** Starts `dinfra-node --dev` on a random port (temporary state) and resolves once its RPC is up. */
export async function startDevNode(timeoutMs = 60_000): Promise<DevNode> {
  const args = ['--dev', '--rpc-port', '0', '--prometheus-port', '0', '--listen-addr', '/ip4/127.0.0.1/tcp/0/ws'];
  const child = spawn(process.execPath, [NODE_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  const portRe = /Running JSON-RPC server: addr=[^:]+:(\d+)/;
  while (!portRe.test(out)) {
    if (child.exitCode !== null) throw new Error(`dinfra-node exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-node did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    wsUrl: `ws://127.0.0.1:${portRe.exec(out)![1]}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
