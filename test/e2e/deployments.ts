// The deployed side of a subscription as the local reactor leaves it on this machine: its
// processes (tagged with the subscription in DINFRA_TAGS), its endpoint, what it serves.
import { connect } from 'node:net';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { processesWithEnv, someoneListensOn, type SeenProcess } from './processes.ts';

/** The processes of `subscription` among those started under the stack's content store. */
export function deployedProcesses(ipfsRepo: string, subscription: string): SeenProcess[] {
  return processesWithEnv('DINFRA_IPFS_REPO', ipfsRepo).filter((p) => {
    const tags = p.env.get('DINFRA_TAGS');
    return tags !== undefined && (JSON.parse(tags) as Record<string, string>)['dinfra:subscription'] === subscription;
  });
}

export const portOf = (endpoint: string): number => Number(new URL(endpoint).port);

/** The genesis hash a subscriber's @polkadot/api reads through `endpoint`. */
export async function genesisThrough(endpoint: string): Promise<string> {
  const provider = new WsProvider(endpoint, 1000);
  let api: ApiPromise;
  try {
    api = await withDeadline(ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true }), 60_000, `connecting to ${endpoint}`);
  } catch (e) {
    await provider.disconnect().catch(() => undefined);
    throw e;
  }
  try {
    const viaRpc = await withDeadline(api.rpc.chain.getBlockHash(0), 30_000, `chain_getBlockHash(0) through ${endpoint}`);
    if (viaRpc.toHex() !== api.genesisHash.toHex()) throw new Error(`${endpoint}: chain_getBlockHash(0) ${viaRpc.toHex()} != genesis ${api.genesisHash.toHex()}`);
    return api.genesisHash.toHex();
  } finally {
    await api.disconnect();
  }
}

function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Resolves with the connect error's code (ECONNREFUSED when nothing listens), or 'connected'. */
export function tryConnect(endpoint: string): Promise<string> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

/** Waits until the subscription has no process left and nothing listens on its endpoint's port. */
export async function waitGone(ipfsRepo: string, subscription: string, endpoint: string, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const left = deployedProcesses(ipfsRepo, subscription);
    if (left.length === 0 && !someoneListensOn(portOf(endpoint))) return;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`subscription ${subscription}: still ${left.map((p) => `pid ${p.pid} (${p.argv.join(' ')})`).join(', ') || `a listener on ${endpoint}`} after ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
