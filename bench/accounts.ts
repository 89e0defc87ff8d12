import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sr25519_keypair_from_seed } from '@polkadot-labs/schnorrkel-wasm';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export interface BenchAccount {
  /** 32-byte public key = AccountId32 */
  publicKey: Uint8Array;
  secret: Uint8Array;
  hex: string;
}

/** `n` deterministic sr25519 accounts (seed = blake2-256("dinfra-bench/" + tag + i)). */
export function benchAccounts(n: number, tag = 'stps'): BenchAccount[] {
  const out: BenchAccount[] = [];
  for (let i = 0; i < n; i++) {
    const kp = sr25519_keypair_from_seed(blake2AsU8a(`dinfra-bench/${tag}/${i}`, 256));
    const secret = kp.slice(0, 64);
    const publicKey = kp.slice(64, 96);
    out.push({ publicKey, secret, hex: u8aToHex(publicKey) });
  }
  return out;
}

const DEV_SPEC = fileURLToPath(new URL('../runtime-specs/dev.json', import.meta.url));

/**
 * Writes a chain spec (the dev preset plus `accounts` funded at genesis with `amount`) to
 * `file`. This is how the sTPS senders are pre-funded: nothing is spent on funding them.
 */
export function writeBenchSpec(file: string, accounts: BenchAccount[], amount = 10n ** 15n): void {
  // Quote big integers first so that JSON.parse keeps them exact.
  const text = readFileSync(DEV_SPEC, 'utf8').replace(/([\s,[:])(\d{16,})(?=[\s,\]}])/g, '$1"$2"');
  const spec = JSON.parse(text) as { id: string; name: string; genesis: { runtimeGenesis: { patch: { balances: { balances: Array<[string, string | number]> } } } } };
  spec.name = 'DINFRA bench';
  spec.id = 'dinfra_bench';
  const balances = spec.genesis.runtimeGenesis.patch.balances.balances.map(([a, v]) => [a, String(v)] as [string, string]);
  for (const a of accounts) balances.push([encodeAddress(a.publicKey, 42), amount.toString()]);
  spec.genesis.runtimeGenesis.patch.balances.balances = balances;
  writeFileSync(file, JSON.stringify(spec));
}
