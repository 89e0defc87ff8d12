import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import '@dinfra/runtime-specs/augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { FrameSystemAccountInfo, PalletBalancesAccountData } from '@polkadot/types/lookup';
import type { Bytes, Option, u128 } from '@polkadot/types';
import type { AnyNumber } from '@polkadot/types/types';
import type { PalletDinfraProvidersProviderInfo, PalletDinfraSubscriptionsStatusReport, PalletDinfraSubscriptionsSubscription } from '@polkadot/types/lookup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNode, type RunningNode } from '../support/node-process.ts';

const RUNTIME_SPECS = fileURLToPath(new URL('../../runtime-specs/', import.meta.url));

let node: RunningNode;

beforeAll(async () => {
  node = await startNode(['--dev']);
});

afterAll(async () => {
  await node?.kill();
});

/** Runs `runtime-specs/scripts/typegen.ts` with `args`; resolves with its exit code and output. */
function typegen(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/typegen.ts', ...args], { cwd: RUNTIME_SPECS }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe('@polkadot/typegen augmentation (@dinfra/runtime-specs)', () => {
  it('generates from the live node without errors, and the committed runtime-specs/src/interfaces is up to date', async () => {
    const { code, output } = await typegen(['--check', '--endpoint', node.wsUrl]);
    // On failure the output names the command to run: pnpm --filter @dinfra/runtime-specs typegen
    expect(output, output).toContain('is up to date with the node metadata');
    expect(code, output).toBe(0);
  });

  it('types api.query / api.tx / api.consts / api.call for every pallet, DINFRA\'s included (checked by tsc), and matches the node at run time', async () => {
    const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
    try {
      const account = await api.query.system.account('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
      expectTypeOf(account).toEqualTypeOf<FrameSystemAccountInfo>();
      expectTypeOf(account.data).toEqualTypeOf<PalletBalancesAccountData>();
      expect(account.data.free.toBigInt()).toBeGreaterThan(0n);
      expectTypeOf(api.consts.balances.existentialDeposit).toExtend<u128>();
      expect(api.consts.balances.existentialDeposit.toBigInt()).toBe(1_000_000_000n);
      expectTypeOf(api.tx.balances.transferKeepAlive).toBeFunction();
      expect(api.tx.balances.transferKeepAlive.meta.name.toString()).toBe('transfer_keep_alive');
      // The DINFRA pallets, typed by the augmentation: without it these parameters would be `any`
      // and tsc would reject the exact types below.
      expectTypeOf(api.tx.providers.register).parameter(0).toEqualTypeOf<Bytes | string | Uint8Array>();
      expectTypeOf(api.tx.subscriptions.subscribe).parameter(2).toEqualTypeOf<u128 | AnyNumber | Uint8Array>();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as generated
      expectTypeOf(api.tx.subscriptions.reportStatus).parameter(1).toEqualTypeOf<PalletDinfraSubscriptionsStatusReport | { Provisioning: any } | { Running: any } | { Degraded: any } | { Failed: any } | string | Uint8Array>();
      const sub = await api.query.subscriptions.subscriptions(0);
      expectTypeOf(sub).toEqualTypeOf<Option<PalletDinfraSubscriptionsSubscription>>();
      expect(sub.isNone).toBe(true);
      const provider = await api.query.providers.providers('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
      expectTypeOf(provider).toEqualTypeOf<Option<PalletDinfraProvidersProviderInfo>>();
      expectTypeOf(api.call.dinfraApi.subscriptionsOfProvider).toBeFunction();
      expect((await api.call.dinfraApi.subscriptionsOfProvider('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', null, 10)).length).toBe(0);
    } finally {
      await api.disconnect();
    }
  });

  it('the committed augmentation has exactly the node\'s pallets and items (tx, query, consts, events, errors)', async () => {
    const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
    try {
      const decorated = { tx: api.tx, query: api.query, consts: api.consts, events: api.events, errors: api.errors } as unknown as Record<string, Record<string, object>>;
      for (const kind of ['tx', 'query', 'consts', 'events', 'errors']) {
        const inFile = augmentationSections(readFileSync(join(RUNTIME_SPECS, `src/interfaces/augment-api-${kind}.ts`), 'utf8'));
        const inNode = Object.fromEntries(
          Object.entries(decorated[kind]!)
            // @polkadot/api adds a `substrate` section (well-known keys) and `palletVersion` queries of its own.
            .filter(([section]) => !(kind === 'query' && section === 'substrate'))
            .map(([section, items]) => [section, Object.keys(items).filter((i) => !(kind === 'query' && i === 'palletVersion')).sort()] as const)
            .filter(([, items]) => items.length > 0),
        );
        expect(inFile, `augment-api-${kind}.ts`).toEqual(inNode);
      }
      // The DINFRA pallets are there.
      for (const kind of ['tx', 'query', 'events', 'errors']) {
        expect(Object.keys(augmentationSections(readFileSync(join(RUNTIME_SPECS, `src/interfaces/augment-api-${kind}.ts`), 'utf8')))).toEqual(
          expect.arrayContaining(['providers', 'subscriptions']),
        );
      }
    } finally {
      await api.disconnect();
    }
  });
});

/** Sections and their item names in a generated augment-api-*.ts (`    section: {` / `      item: ...`). */
function augmentationSections(source: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let section: string | undefined;
  for (const line of source.split('\n')) {
    const s = /^    (\w+): \{$/.exec(line);
    if (s) {
      section = s[1]!;
      out[section] = [];
      continue;
    }
    if (/^    \};?$/.test(line)) section = undefined;
    const item = /^      (\w+): /.exec(line);
    if (section && item) out[section]!.push(item[1]!);
  }
  for (const k of Object.keys(out)) {
    out[k]!.sort();
    if (out[k]!.length === 0) delete out[k];
  }
  return out;
}
