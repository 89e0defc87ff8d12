import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const CLI = fileURLToPath(new URL('../../packages/provider-cli/bin/dinfra.mjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dinfra ...args` as a subprocess (no DINFRA_* from the outer environment unless given). */
export function dinfra(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...base, ...env }, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses a --json result, failing the test with the CLI's stderr when it is not JSON. */
export function json<T = Record<string, unknown>>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
}

export const DIN = 1_000_000_000_000n;

/** A @polkadot/api client for the test's own reads and for acting as a provider's gateway. */
export async function client(wsUrl: string): Promise<{ api: ApiPromise; keyring: Keyring }> {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(wsUrl), noInitWarn: true });
  return { api, keyring: new Keyring({ type: 'sr25519', ss58Format: 42 }) };
}

/** Signs and waits for inclusion; rejects with the dispatch error. */
export function send(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      else if (status.isInBlock) resolve();
    }).catch(reject);
  });
}

export async function nonceOf(api: ApiPromise, address: string): Promise<number> {
  return (await api.rpc.system.accountNextIndex(address)).toNumber();
}

export async function nextSubscriptionId(api: ApiPromise): Promise<bigint> {
  return BigInt(((await api.query.subscriptions!.nextSubscriptionId!()) as unknown as { toString(): string }).toString());
}

export async function balances(api: ApiPromise, address: string): Promise<{ free: bigint; reserved: bigint }> {
  const a = (await api.query.system!.account!(address)) as unknown as { data: { free: { toBigInt(): bigint }; reserved: { toBigInt(): bigint } } };
  return { free: a.data.free.toBigInt(), reserved: a.data.reserved.toBigInt() };
}
