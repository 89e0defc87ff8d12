/**
 * Schemathesis (PyPI) against a live OGate's /openapi.json with a token: generated valid and
 * invalid requests for every operation (the SSE stream aside); no 5xx, status codes, content
 * types and response bodies conform to the contract.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { connectApi, devKeyring } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { peer } from '../support/peers.ts';
import { addJson, contentStore, mintToken, nodeDescriptor, ogateFetch, registerProvider, startOGate, subscribe, tempDir, type RunningOGate } from '../support/ogate.ts';

const schemathesis = peer('schemathesis');

let node: RunningNode;
let api: ApiPromise;
let og: RunningOGate;
let token: string;

describe.skipIf(!schemathesis)('schemathesis against a live OGate', () => {
  beforeAll(async () => {
    node = await startNode(['--dev']);
    api = await connectApi(node.wsUrl);
    const k = devKeyring();
    const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => k.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
    await registerProvider(api, alice, bob.address, 'alice-infra', [{ typeId: 0 }]);
    og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir: tempDir(), args: ['--log-level', 'warn'], env: { DINFRA_OGATE_LONG_POLL_MAX_SECONDS: '1' } });
    const store = await contentStore(og.ipfsRepo);
    const cid = await addJson(store, nodeDescriptor());
    await store.close();
    token = await mintToken(og.dataDir, ['substrate-node', 'cloud-init']);
    await subscribe(api, charlie, Array.from({ length: 3 }, () => ({ typeId: 0, cid, provider: alice.address })));
    for (let i = 0; i < 200 && (await ogateFetch(og, token, '/v1/deployments')).body.deployments.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  });

  afterAll(async () => {
    await og?.kill();
    await api?.disconnect();
    await node?.kill();
  });

  it('finds no server error and no response that breaks the contract', async () => {
    const reportDir = tempDir('schemathesis-');
    const args = [
      'run', `${og.url}/openapi.json`, '--url', og.url,
      '-H', `Authorization: Bearer ${token}`,
      '--checks', 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection',
      '--exclude-operation-id', 'streamEvents',
      // The coverage phase crashes inside hypothesis on this Python (3.11.7: "AST constructor recursion depth
      // mismatch" while describing a lambda), before any request: fuzzing and examples only.
      '--phases', 'examples,fuzzing',
      '--max-examples', '60', '--seed', '20261129', '--workers', '2',
      '--request-timeout', '10', '--no-color',
      '--report', 'json', '--report-dir', reportDir,
      '--suppress-health-check', 'all',
    ];
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(schemathesis!, args, { timeout: 300_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    const summary = output.split('\n').filter((l) => /passed|failed|errored|operations|test cases|Test cases/i.test(l)).slice(-12).join('\n');
    console.log(`schemathesis:\n${summary}`);
    let report = '';
    try {
      report = readFileSync(join(reportDir, 'schemathesis-report.json'), 'utf8').slice(0, 2000);
    } catch {
      /* no report file */
    }
    expect(code, `${output.slice(-8000)}\n${report}`).toBe(0);
    // It really exercised the API (not a skipped run): every selected operation fuzzed, a floor of cases.
    expect(output).toMatch(/Operations:\s+9 selected/);
    const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
    console.log(`schemathesis generated ${generated} test cases`);
    expect(generated).toBeGreaterThanOrEqual(100);
    expect(og.logs()).not.toMatch(/"level":50/);
  });
});
