import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { peer } from '../../../../test/support/peers.ts';
import { parseCatalog } from './catalog.ts';
import { renderCloudInit, userDataFor } from './cloud-init.ts';
import { planNode } from './plan-node.ts';
import type { LaunchPlan } from './plan.ts';
import { systemdQuote } from './systemd-unit.ts';

const catalog = parseCatalog(`
chains:
  polkadot: { binary: /usr/local/bin/polkadot, chainSpec: polkadot, env: { RUST_LOG: "info,sync=debug" } }
`);
const plan = planNode({
  name: 'dinfra-1a2b3c4d-7-1',
  descriptor: { role: 'archive', chain: 'polkadot', version: 'v1', snapshotUrl: 'https://snap.example/p.tar.zst', chainSpecUrl: 'https://x.example/spec.json', extraArgs: ['--name-suffix=it\'s 100% "$HOME"'] },
  catalog,
  stateDir: '/var/lib/dinfra',
  listenHost: '0.0.0.0',
  ports: { rpc: 9944, p2p: 30333, prometheus: 9615 },
});

const cloudInit = peer('cloud-init');

describe('renderCloudInit', () => {
  const text = renderCloudInit(plan, { packages: ['jq'], sshAuthorizedKeys: ['ssh-ed25519 AAAA op@host'], preCommands: [['sh', '-c', 'echo install']] });
  const doc = parse(text) as { write_files: Array<{ path: string; content: string }>; runcmd: string[][]; packages: string[] };

  it('is #cloud-config with the unit, its environment file, and runcmd in order', () => {
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    const unit = doc.write_files.find((f) => f.path === '/etc/systemd/system/dinfra-1a2b3c4d-7-1.service')!.content;
    expect(unit).toContain('ExecStart=/usr/local/bin/polkadot --name dinfra-1a2b3c4d-7-1 ');
    expect(unit).toContain(' --chain /var/lib/dinfra/dinfra-1a2b3c4d-7-1/chain-spec.json --base-path /var/lib/dinfra/dinfra-1a2b3c4d-7-1 ');
    expect(unit).toContain('--rpc-port 9944 --rpc-external --port 30333 --prometheus-port 9615');
    expect(unit).toContain('"--name-suffix=it\'s 100%% \\"$$HOME\\""');
    expect(unit).toContain('EnvironmentFile=/etc/dinfra/dinfra-1a2b3c4d-7-1.env');
    expect(doc.write_files[1]!.content).toBe('RUST_LOG="info,sync=debug"\n');
    expect(doc.packages).toEqual(['jq', 'curl']);
    const steps = doc.runcmd.map((c) => c.join(' '));
    expect(steps[0]).toBe('sh -c echo install');
    expect(steps.findIndex((s) => s.includes('chain-spec.json'))).toBeLessThan(steps.findIndex((s) => s.startsWith('systemctl enable')));
    expect(steps.find((s) => s.includes('snap.example'))).toMatch(/test -e .*\.dinfra-snapshot-restored/);
    expect(steps.at(-1)).toBe('systemctl enable --now dinfra-1a2b3c4d-7-1.service');
  });

  it.skipIf(!cloudInit)('passes `cloud-init schema`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reactor-ci-'));
    const file = join(dir, 'user-data');
    writeFileSync(file, text);
    const out = execFileSync(cloudInit!, ['schema', '--config-file', file], { encoding: 'utf8' });
    expect(out).toMatch(/Valid cloud-config/);
    // The check is real: a broken document fails it.
    writeFileSync(file, text.replace('runcmd:', 'runcmd: 3\nxruncmd:'));
    expect(() => execFileSync(cloudInit!, ['schema', '--config-file', file], { encoding: 'utf8', stdio: 'pipe' })).toThrow();
  });

  it('passes a cloud-init descriptor through, and refuses one without userData', () => {
    expect(userDataFor({ type: 'cloud-init', descriptor: { userData: '#cloud-config\n{}\n' } }, undefined)).toBe('#cloud-config\n{}\n');
    expect(() => userDataFor({ type: 'cloud-init', descriptor: {} }, undefined)).toThrow(/descriptor.userData/);
    expect(userDataFor({ type: 'substrate-node', descriptor: {} }, plan)).toContain('#cloud-config');
  });
});

describe('systemdQuote', () => {
  it.each([['plain', 'plain'], ['a b', '"a b"'], ['$X', '"$$X"'], ['50%', '"50%%"'], ['a"b\\', '"a\\"b\\\\"']])('%s -> %s', (a, b) => expect(systemdQuote(a)).toBe(b));
});

describe('renderCloudInit for a node that follows the marketplace chain', () => {
  const followPlan: LaunchPlan = { ...plan, args: ['--name', 'f', '--sync-from', 'wss://rpc.market.example'], chainSpecUrl: undefined, snapshotUrl: undefined, chainSpecRpc: 'wss://rpc.market.example' };
  const text = renderCloudInit(followPlan, {});
  const doc = parse(text) as { write_files: Array<{ path: string; content: string }>; runcmd: string[][]; packages: string[] };

  it('fetches the raw spec with sync_state_genSyncSpec before the first start and points --chain at it', () => {
    const fetch = doc.runcmd.find((c) => c.join(' ').includes('sync_state_genSyncSpec'))!;
    expect(fetch.join(' ')).toContain("'https://rpc.market.example'");
    expect(fetch.join(' ')).toContain('> \'/var/lib/dinfra/dinfra-1a2b3c4d-7-1/chain-spec.json\'');
    expect(doc.packages).toEqual(expect.arrayContaining(['curl', 'jq']));
    const unit = doc.write_files.find((f) => f.path.endsWith('.service'))!.content;
    expect(unit).toContain('--chain /var/lib/dinfra/dinfra-1a2b3c4d-7-1/chain-spec.json');
  });

  it.skipIf(!cloudInit)('passes cloud-init schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-'));
    writeFileSync(join(dir, 'u.yaml'), text);
    execFileSync(cloudInit!, ['schema', '--config-file', join(dir, 'u.yaml')]);
  });
});
