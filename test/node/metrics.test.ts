import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { connectApi, devKeyring, metric, metricsText, transferKeepAlive, waitFor } from '../support/chain-helpers.ts';

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

const scrape = () => metricsText(node);

describe('Prometheus /metrics', () => {
  it('exposes the metrics zombienet and dashboards read, with Substrate names and label forms', async () => {
    expect(node.metricsUrl).toBeDefined();
    const res = await fetch(node.metricsUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const started = metric(text, 'substrate_process_start_time_seconds')!;
    expect(Math.abs(started - Date.now() / 1000)).toBeLessThan(120);
    // Exact sample lines: zombienet matches `name{status="best"}` literally (label order, no extra labels).
    expect(text).toMatch(/^substrate_block_height\{status="best"\} \d+$/m);
    expect(text).toMatch(/^substrate_block_height\{status="finalized"\} \d+$/m);
    expect(text).toMatch(/^substrate_sub_libp2p_peers_count \d+$/m);
    expect(text).toMatch(/^substrate_ready_transactions_number \d+$/m);
    for (const name of ['substrate_block_height', 'substrate_sub_libp2p_peers_count', 'substrate_ready_transactions_number', 'substrate_process_start_time_seconds']) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} gauge$`, 'm'));
    }
    expect(text).toMatch(/^# TYPE substrate_rpc_calls_started counter$/m);
    expect(text).toMatch(/^# TYPE substrate_rpc_calls_finished counter$/m);
    expect(text).toMatch(/^# TYPE substrate_rpc_calls_time histogram$/m);
    expect(metric(text, 'substrate_sub_libp2p_peers_count')).toBe(0);
    expect((await fetch(node.metricsUrl!.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('block heights follow authoring and finality', async () => {
    const before = await scrape();
    const best0 = metric(before, 'substrate_block_height{status="best"}')!;
    await rpc(node, 'dev_newBlock', [{ count: 3 }]);
    expect(metric(await scrape(), 'substrate_block_height{status="best"}')).toBe(best0 + 3);
    await waitFor('finalized height', async () => metric(await scrape(), 'substrate_block_height{status="finalized"}') === best0 + 3, 5000);
  });

  it('ready transactions count the pool, and drop back to 0 once included', async () => {
    const keyring = devKeyring();
    const tx = await transferKeepAlive(api, keyring.addFromUri('//Bob').address, 10n ** 12n).signAsync(keyring.addFromUri('//Alice'));
    await rpc(node, 'author_submitExtrinsic', [tx.toHex()]);
    expect(metric(await scrape(), 'substrate_ready_transactions_number')).toBe(1);
    await rpc(node, 'dev_newBlock');
    expect(metric(await scrape(), 'substrate_ready_transactions_number')).toBe(0);
  });

  it('counts RPC calls started and finished, and times them', async () => {
    const line = (name: string, text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith(name + '{') && l.includes('method="system_name"'))
        .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)))
        .reduce((a, b) => a + b, 0);
    const before = await scrape();
    for (let i = 0; i < 5; i++) await rpc(node, 'system_name');
    const after = await scrape();
    expect(line('substrate_rpc_calls_started', after) - line('substrate_rpc_calls_started', before)).toBe(5);
    expect(line('substrate_rpc_calls_finished', after) - line('substrate_rpc_calls_finished', before)).toBe(5);
    expect(line('substrate_rpc_calls_time_count', after) - line('substrate_rpc_calls_time_count', before)).toBe(5);
  });
});
