// The status page in Debian's headless Chromium with JavaScript disabled (the page needs none):
// per provider and deployment, state, 90-day bars, latency and head-lag plots as inline SVG, the
// incident timeline with an operator note, badges; a screenshot is saved under test/artifacts/.
// The JSON API's answers are validated against its OpenAPI document.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { peer } from '../support/peers.ts';
import { startMonitor, type TestMonitor } from './monitor-support.ts';

const chromiumPath = peer('chromium');
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const TOKEN = 'operator-token-0123456789';
let node: RunningNode;
let mon: TestMonitor;
let browser: Browser | undefined;

beforeAll(async () => {
  node = await startNode(['--dev', '--sealing', 'interval', '--block-time', '500']);
  mon = await startMonitor({
    api: { operatorToken: TOKEN },
    targets: [
      { name: 'alice-rpc', url: node.wsUrl, provider: 'acme', subscription: '7' },
      { name: 'gone', url: 'ws://127.0.0.1:1', provider: 'acme' },
      { name: 'other', url: node.wsUrl, provider: 'zeta' },
    ],
  });
  const opened = await mon.waitChange('incident.opened', 'gone', 20_000);
  await fetch(`${mon.url}/api/incidents/${opened.incident.id}/notes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ message: 'decommissioned <on purpose>', author: 'ops' }) });
  await waitFor('states down, up, up', async () => ((await (await fetch(`${mon.url}/api/targets`)).json()) as { targets: { state: string }[] }).targets.map((t) => t.state).sort().join() === 'down,up,up');
  // A few rounds for the plots.
  await new Promise((r) => setTimeout(r, 3000));
  mon.monitor.flush();
});

afterAll(async () => {
  await browser?.close();
  await mon?.close();
  await node?.kill();
});

describe.skipIf(!chromiumPath)('status page in headless Chromium, JavaScript off', () => {
  it('shows providers, deployments, states, bars, plots and the incident with its note; saves a screenshot', async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1200, height: 1600 } });
    const external: string[] = [];
    page.on('request', (r) => !r.url().startsWith(mon.url) && !r.url().startsWith('data:') && external.push(r.url()));
    await page.goto(mon.url);
    expect(await page.locator('.headline').innerText()).toMatch(/Some deployments down/);
    expect(await page.locator('section.provider h2').allInnerTexts()).toEqual(['acme', 'zeta']);
    const state = (name: string) => page.locator(`article[data-target="${name}"] .state`).textContent();
    expect(await state('alice-rpc')).toBe('up');
    expect(await state('gone')).toBe('down');
    expect(await page.locator('article[data-target="alice-rpc"] .meta').innerText()).toMatch(/subscription 7/);
    expect(await page.locator('article[data-target="alice-rpc"] svg.bars rect').count()).toBe(90);
    expect(await page.locator('article[data-target="alice-rpc"] svg.plot path').count()).toBe(2);
    expect(await page.locator('article[data-target="gone"] .open-incident').innerText()).toMatch(/Incident #1 open for .*unreachable: cannot connect to ws:\/\/127\.0\.0\.1:1/);
    const incident = page.locator('li.incident[data-incident="1"]');
    expect(await incident.locator('.timeline li').allInnerTexts()).toEqual([expect.stringMatching(/opened: unreachable/), expect.stringMatching(/note \(ops\): decommissioned <on purpose>/)]);
    // Badges are images the page loads from the monitor itself.
    const badges = await page.locator('img.badge').evaluateAll((imgs) => imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth));
    expect(badges.every((w) => w > 0)).toBe(true);
    expect(external).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}monitor-status-page.png`, fullPage: true });
  });
});

describe('JSON API against its OpenAPI document', () => {
  it('every GET answer matches its schema', async () => {
    const doc = (await (await fetch(`${mon.url}/api/openapi.json`)).json()) as { components: { schemas: Record<string, unknown> } };
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const check = async (path: string, ref: string) => {
      const body = await (await fetch(`${mon.url}${path}`)).json();
      const validate = ajv.compile({ $ref: `doc#/components/schemas/${ref}` });
      expect(validate(body), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    await check('/api/targets', 'TargetList');
    await check('/api/targets/alice-rpc?hours=1', 'TargetDetail');
    await check('/api/incidents', 'IncidentList');
    await check('/api/incidents/1', 'Incident');
    await check('/api/targets/nope', 'Problem');
  });

  it('badges: uptime and status as SVG', async () => {
    const res = await fetch(`${mon.url}/badge/gone/status.svg`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/aria-label="gone: down"/);
    expect(await (await fetch(`${mon.url}/badge/alice-rpc.svg`)).text()).toMatch(/aria-label="uptime 30d: 100\.00%"/);
  });
});
