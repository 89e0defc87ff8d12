import { describe, expect, it } from 'vitest';
import { dinfra } from './support.ts';

// Every command and group, with a word its help must contain.
const COMMANDS: Array<[string, RegExp]> = [
  ['', /providers offer infrastructure/],
  ['provider', /register as a provider/],
  ['provider register', /--api-url <url>/],
  ['provider offer', /--capacity <n>[\s\S]*--price <amount>/],
  ['provider close-offer', /stop offering/],
  ['provider set-operator', /operator account/],
  ['provider pause', /no new awards/],
  ['provider resume', /new awards again/],
  ['provider deregister', /releases the deposit/],
  ['provider show', /offerings, live subscriptions/],
  ['market', /utilization/],
  ['type', /JSON Schema/],
  ['type list', /deployment types registered/],
  ['type register', /--schema <file>/],
  ['subscribe', /--descriptor <file\|cid>[\s\S]*--deposit <amount>[\s\S]*--max-price/],
  ['subscription', /top up/],
  ['subscription list', /--subscriber <address>/],
  ['subscription show', /estimated expiry/],
  ['subscription watch', /--until <state>/],
  ['subscription top-up', /pushing its expiry out/],
  ['subscription terminate', /refunds the rest/],
  ['keys', /keystore JSON/],
  ['keys generate', /mnemonic/],
  ['keys inspect', /never the secret/],
  ['keys import', /--out <file>/],
  ['keys export', /polkadot.js Apps/],
];

/** Runs `fn` over `items`, `limit` at a time (2-core machines). */
async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

describe('dinfra --help', () => {
  it('documents every command, with the global options, and exits 0', async () => {
    const results = await pool(COMMANDS, 4, ([path]) => dinfra([...path.split(' ').filter(Boolean), '--help']));
    COMMANDS.forEach(([path, mentions], i) => {
      const r = results[i]!;
      expect(r.code, `dinfra ${path} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`Usage: dinfra${path ? ' ' + path : ''}`);
      expect(r.stdout).toMatch(mentions);
      if (path.split(' ').length === 2 || ['market', 'subscribe'].includes(path)) {
        expect(r.stdout, `global options in dinfra ${path} --help`).toMatch(/--url <url>[\s\S]*--json[\s\S]*--wait <when>/);
      }
    });
    // The top-level help documents keys, amounts and exit codes.
    expect(results[0]!.stdout).toMatch(/DINFRA_SURI[\s\S]*250m[\s\S]*Exit codes: 0 ok, 1 .*, 2 usage error/);
  });

  it('suggests the command meant, and exits 2 on usage errors', async () => {
    const [typo, unknownOption, noArgs] = await Promise.all([
      dinfra(['subscripton', 'list']),
      dinfra(['market', '--colour']),
      dinfra(['subscription', 'show']),
    ]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean subscription\?/);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/unknown option '--colour'/);
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toMatch(/missing required argument 'id'/);
  });

  it('prints the version', async () => {
    const r = await dinfra(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
