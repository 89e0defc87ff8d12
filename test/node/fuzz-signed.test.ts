import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '@dinfra/runtime/testing';
import type { ApiPromise } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { accountOf, connectApi, devKeyring, RawWs, transferKeepAlive } from '../support/chain-helpers.ts';
import { buildSigned, encodeMortalEra, eraBirth, errorKey, expectDeliberate, type RawSigned, type Reply } from './fuzz-support.ts';

/**
 * Signed fuzzing against the real node: the call, nonce, era, tip, signer and signed
 * extensions are mutated *before* signing with a dev key, so the cases get past the signature
 * check into nonce, payment, era, weight and call validation, and some are accepted. The node
 * seals blocks only on request (`--sealing manual`), so every case's expected verdict is known:
 * each single mutation must get its verdict; every reply must be deliberate; each verdict
 * must be reached at least a floor number of times; and whatever lands in a block afterwards
 * must be one of the accepted cases.
 */

const CASES = 4_000;
const BATCH = 500;
const DIN = 10n ** 12n;
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
const rand = prng(SEED ^ 0x51);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));

/** The mutations; `multi` applies two or three of the others at once. */
const KINDS = [
  'valid', 'stale', 'future', 'tip-huge', 'unfunded', 'spec-version', 'tx-version', 'genesis', 'birth-hash',
  'metadata-hash', 'mode-invalid', 'wrong-key', 'bad-signature', 'era-ok', 'era-ancient', 'call-mutated',
  'call-random', 'call-inherent', 'multi',
] as const;
type Kind = (typeof KINDS)[number];

/** What each single mutation must get ('*': any deliberate answer). */
const EXPECTED: Record<Kind, readonly string[] | '*'> = {
  valid: ['accepted-ready', 'too-low-priority'],
  stale: ['stale'],
  future: ['accepted-future', 'too-low-priority', 'pool-full'],
  'tip-huge': ['payment'],
  unfunded: ['payment'],
  'spec-version': ['bad-proof'],
  'tx-version': ['bad-proof'],
  genesis: ['bad-proof'],
  'birth-hash': ['bad-proof'],
  'metadata-hash': ['bad-proof'],
  'mode-invalid': ['format'],
  'wrong-key': ['bad-proof'],
  'bad-signature': ['bad-proof'],
  'era-ok': ['accepted-ready', 'too-low-priority'],
  'era-ancient': ['ancient-birth-block'],
  'call-mutated': '*',
  'call-random': '*',
  'call-inherent': ['call'],
  multi: '*',
};

/**
 * Least number of cases that must reach each verdict: about half of what seed 0x5eed reaches
 * (bad-proof 1562, payment 428, call-decode 409, accepted-ready 356, format 239, call 237,
 * stale 225, ancient-birth-block 217, accepted-future 165, too-low-priority 162).
 */
const FLOORS: Record<string, number> = {
  'bad-proof': 700,
  payment: 200,
  'call-decode': 180,
  'accepted-ready': 150,
  format: 100,
  call: 100,
  stale: 100,
  'ancient-birth-block': 100,
  'accepted-future': 70,
  'too-low-priority': 70,
};

/** The verdict a reply gives, by its code and Substrate's message. */
function verdict(r: Reply, future: boolean): string {
  if (!r.error) return future ? 'accepted-future' : 'accepted-ready';
  const { code, message } = r.error;
  const data = typeof r.error.data === 'string' ? r.error.data : '';
  if (code === 1010) {
    const byData: Record<string, string> = {
      'Transaction has a bad signature': 'bad-proof',
      'Transaction is outdated': 'stale',
      'Inability to pay some fees (e.g. account balance too low)': 'payment',
      'Transaction has an ancient birth block': 'ancient-birth-block',
      'Transaction call is not expected': 'call',
      'Transaction would exhaust the block limits': 'exhausts-resources',
    };
    return byData[data] ?? `1010 ${data}`;
  }
  if (code === 1001) return /Could not decode call/.test(message) ? 'call-decode' : 'format';
  if (code === 1014) return 'too-low-priority';
  if (code === 1016) return 'pool-full';
  return errorKey(r);
}

interface Case {
  kind: Kind;
  raw: RawSigned;
  /** The nonce is ahead of the signer's on-chain nonce. */
  future: boolean;
  bytes: Uint8Array;
}

let node: RunningNode;
let api: ApiPromise;

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode(['--dev', '--sealing', 'manual']);
  api = await connectApi(node.wsUrl);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.kill();
});

describe('signed extrinsics mutated before signing (fuzz)', () => {
  it(`gives each of ${CASES} cases the verdict of its mutation, reaches every verdict, and lets only accepted ones into blocks`, async () => {
    const keyring = devKeyring();
    const signers = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
    const poor = keyring.addFromUri('//FuzzUnfunded');
    const dest = keyring.addFromUri('//Ferdie').address;
    const tx = api.tx;

    // Three transactions per signer and 24 blocks: stale nonces exist and mortal eras have births to point at.
    const ws = await RawWs.connect(node.wsUrl);
    for (const pair of signers) {
      for (let nonce = 0; nonce < 3; nonce++) {
        await ws.call('author_submitExtrinsic', [(await tx['system']!['remark']!('0x00').signAsync(pair, { nonce })).toHex()]);
      }
    }
    await ws.call('dev_newBlock', [{ count: 24 }]);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const number = best + 1; // the block the pool validates for
    const genesisHash = await rpc<string>(node, 'chain_getBlockHash', [0]);
    const hashes = await Promise.all(Array.from({ length: best + 1 }, (_, n) => rpc<string>(node, 'chain_getBlockHash', [n])));
    const nonces = new Map<string, number>();
    for (const p of [...signers, poor]) nonces.set(p.address, (await accountOf(api, p.address)).nonce);
    expect(nonces.get(signers[0]!.address)).toBe(3);
    const { specVersion, transactionVersion } = api.runtimeVersion;

    const calls = [
      transferKeepAlive(api, dest, DIN),
      tx['balances']!['transferAllowDeath']!(dest, 2n * DIN),
      tx['system']!['remark']!('0x' + 'cd'.repeat(int(40))),
      tx['system']!['remarkWithEvent']!('0x1234'),
      tx['utility']!['batch']!([transferKeepAlive(api, dest, DIN), tx['system']!['remark']!('0x99')]),
    ].map((c) => c.method.toU8a());
    const inherent = tx['timestamp']!['set']!(Date.now()).method.toU8a();
    const palletIndices = api.runtimeMetadata.asLatest.pallets.map((p) => p.index.toNumber());

    /** One mutation applied to `x` (returns whether the nonce is now ahead of the chain's). */
    function mutate(x: RawSigned, kind: Exclude<Kind, 'valid' | 'multi'>): void {
      const onChain = nonces.get(u8aToHex(x.signer.publicKey) === u8aToHex(poor.publicKey) ? poor.address : x.signer.address) ?? 0;
      switch (kind) {
        case 'stale':
          x.nonce = int(onChain);
          break;
        case 'future':
          x.nonce = onChain + 1 + int(6);
          break;
        case 'tip-huge':
          x.tip = 10n ** 30n + BigInt(int(1000));
          break;
        case 'unfunded':
          x.signer = poor;
          x.address = poor.publicKey;
          x.nonce = 0;
          break;
        case 'spec-version':
          x.specVersion += 1 + int(3);
          break;
        case 'tx-version':
          x.txVersion += 1 + int(3);
          break;
        case 'genesis':
          x.genesisHash = u8aToHex(randomBytes(32));
          break;
        case 'birth-hash': {
          const period = 2 ** (2 + int(6));
          const phase = int(period);
          if (eraBirth(period, phase, number) >= number) return mutate(x, 'birth-hash'); // would be ancient
          x.era = encodeMortalEra(period, phase);
          x.birthHash = u8aToHex(randomBytes(32));
          break;
        }
        case 'metadata-hash':
          x.mode = 1;
          x.metadataHash = rand() < 0.5 ? randomBytes(32) : undefined;
          break;
        case 'mode-invalid':
          x.mode = 2 + int(254);
          break;
        case 'wrong-key':
          x.signer = pick(signers.filter((s) => u8aToHex(s.publicKey) !== u8aToHex(x.address)));
          break;
        case 'bad-signature':
          x.corruptSignature = (sig) => {
            const out = Uint8Array.from(sig);
            if (rand() < 0.2) return out.fill(0);
            out[int(out.length)]! ^= 1 << int(8);
            return out;
          };
          break;
        case 'era-ok': {
          const period = 2 ** (2 + int(8));
          const phase = int(period);
          const birth = eraBirth(period, phase, number);
          if (birth >= number) return mutate(x, 'era-ok'); // not this one: it would be ancient
          x.era = encodeMortalEra(period, phase);
          x.birthHash = hashes[birth]!;
          break;
        }
        case 'era-ancient': {
          // A phase beyond the next block: the era is born in the future.
          const period = 2 ** (6 + int(6));
          const phase = number + int(period - number);
          x.era = encodeMortalEra(period, phase);
          x.birthHash = genesisHash;
          break;
        }
        case 'call-mutated': {
          const b = Array.from(x.call);
          for (let i = 1 + int(2); i > 0; i--) {
            const at = int(b.length);
            const op = int(4);
            if (op === 0) b[at] = int(256);
            else if (op === 1) b[at]! ^= 1 << int(8);
            else if (op === 2) b.splice(at, 0, ...randomBytes(1 + int(3)));
            else b.splice(at, 1 + int(3));
          }
          x.call = Uint8Array.from(b);
          break;
        }
        case 'call-random':
          x.call = Uint8Array.from([pick(palletIndices), int(12), ...randomBytes(int(48))]);
          break;
        case 'call-inherent':
          x.call = inherent;
          break;
      }
    }

    const cases: Case[] = [];
    while (cases.length < CASES) {
      const signer = pick(signers);
      const raw: RawSigned = {
        address: signer.publicKey,
        signer,
        call: pick(calls),
        era: Uint8Array.from([0]),
        nonce: nonces.get(signer.address)!,
        // Mostly rising tips: a later case may replace an earlier one of the same nonce (and is
        // accepted); a quarter tip little, and lose to the one already in the pool.
        tip: rand() < 0.25 ? BigInt(int(16)) : BigInt(cases.length * 16 + int(16)),
        mode: 0,
        specVersion: specVersion.toNumber(),
        txVersion: transactionVersion.toNumber(),
        genesisHash,
        birthHash: genesisHash,
      };
      const kind = pick(KINDS);
      if (kind === 'multi') {
        for (let i = 2 + int(2); i > 0; i--) mutate(raw, pick(KINDS.filter((k): k is Exclude<Kind, 'valid' | 'multi'> => k !== 'valid' && k !== 'multi')));
      } else if (kind !== 'valid') {
        mutate(raw, kind);
      }
      const onChain = nonces.get(u8aToHex(raw.signer.publicKey) === u8aToHex(poor.publicKey) ? poor.address : signer.address)!;
      cases.push({ kind, raw, future: raw.nonce > onChain, bytes: buildSigned(raw) });
    }

    const byVerdict = new Map<string, number>();
    const table = new Map<string, Map<string, number>>();
    const wrong: string[] = [];
    const accepted = new Set<string>();
    for (let i = 0; i < cases.length; i += BATCH) {
      const chunk = cases.slice(i, i + BATCH);
      const replies = await ws.batch(chunk.map((c) => ['author_submitExtrinsic', [u8aToHex(c.bytes)]]));
      expect(replies).toHaveLength(chunk.length);
      replies.forEach((r, j) => {
        const c = chunk[j]!;
        const where = `case ${i + j} (${c.kind}, seed ${SEED}) ${u8aToHex(c.bytes).slice(0, 200)}`;
        expectDeliberate(r, where);
        if (!r.error) {
          expect(r.result, where).toBe(blake2AsHex(c.bytes));
          accepted.add(u8aToHex(c.bytes));
        }
        const v = verdict(r, c.future);
        byVerdict.set(v, (byVerdict.get(v) ?? 0) + 1);
        const row = table.get(c.kind) ?? new Map<string, number>();
        row.set(v, (row.get(v) ?? 0) + 1);
        table.set(c.kind, row);
        const allowed = EXPECTED[c.kind];
        if (allowed !== '*' && !allowed.includes(v)) wrong.push(`${where}: expected ${allowed.join('|')}, got ${v} (${r.error ? errorKey(r) : 'accepted'})`);
      });
    }

    // One transaction over the block length limit (5 MiB), alone: it gets past the signature and the fee.
    const big = buildSigned({
      ...cases.find((c) => c.kind === 'valid')!.raw,
      call: tx['system']!['remark']!(u8aToHex(new Uint8Array(5 * 1024 * 1024 + 1))).method.toU8a(),
    });
    const [bigReply] = await ws.batch([['author_submitExtrinsic', [u8aToHex(big)]]]);
    expectDeliberate(bigReply!, 'a 5 MiB remark');
    expect(verdict(bigReply!, false)).toBe('exhausts-resources');

    const lines = [...table].sort().map(([kind, row]) => `  ${kind.padEnd(14)} ${[...row].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(', ')}`);
    const totals = [...byVerdict].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(', ');
    console.log(`fuzz (signed): ${cases.length} cases (seed ${SEED}) at block #${number}\n  verdicts: ${totals}\n  by mutation:\n${lines.join('\n')}`);
    expect(wrong, 'single mutations that got another verdict').toEqual([]);
    for (const [v, floor] of Object.entries(FLOORS)) expect(byVerdict.get(v) ?? 0, `cases reaching ${v}`).toBeGreaterThanOrEqual(floor);

    // Seal blocks: everything in them (but the timestamp inherent) must be one of the accepted cases.
    const pendingBefore = (await rpc<string[]>(node, 'author_pendingExtrinsics')).length;
    await ws.call('dev_newBlock', [{ count: 8 }]);
    const included: string[] = [];
    for (let n = number; n < number + 8; n++) {
      const { block } = await rpc<{ block: { extrinsics: string[] } }>(node, 'chain_getBlock', [await rpc<string>(node, 'chain_getBlockHash', [n])]);
      included.push(...block.extrinsics.slice(1));
    }
    console.log(`fuzz (signed): ${accepted.size} accepted, ${pendingBefore} pending, ${included.length} included in 8 blocks`);
    expect(included.length).toBeGreaterThan(0);
    expect(included.filter((x) => !accepted.has(x)), 'included but never accepted').toEqual([]);
    const pending = new Set(await rpc<string[]>(node, 'author_pendingExtrinsics'));
    expect(included.filter((x) => pending.has(x)), 'included and still pending').toEqual([]);
    const after = await accountOf(api, signers[0]!.address);
    expect(after.nonce).toBeGreaterThan(3);
    ws.close();
    expect(node.process.exitCode).toBeNull();
    expect(node.logs()).not.toMatch(/unexpected error|unexpected dispatch failure|Unhandled|TypeError|RangeError|ReferenceError/);
  }, 120_000);
});
