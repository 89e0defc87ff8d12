// The user data the cloudstack backend actually sends (decoded from what the emulator stored)
// passes the real `cloud-init schema`, for a node (with snapshot and secrets) and a cloud-init
// deployment; a subscriber's broken cloud-config goes through as given and the schema refuses it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploymentSpec } from '@dinfra/reactor-sdk';
import { startCloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { describe, expect, it } from 'vitest';
import { peer } from '../support/peers.ts';
import { backendFor, context } from './support/backend-run.ts';
import { fileCheckpoint } from './support/file-checkpoint.ts';
import { catalog, spec } from './support/spec.ts';

const cloudInitBin = peer('cloud-init');

describe.skipIf(!cloudInitBin)('cloudstack user data vs cloud-init schema', () => {
  it('what is sent is valid cloud-config; a broken one given by a subscriber is refused by the schema', async () => {
    const cloud = await startCloudStackEmulator({ jobDelayMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'dinfra-cs-ud-'));
    try {
      const backend = backendFor(cloud.url, catalog());
      const node = spec('30');
      const specs: DeploymentSpec[] = [
        { ...node, descriptor: { ...node.descriptor, snapshotUrl: 'https://snapshots.example/dinfra.tar.zst' }, secrets: { NODE_KEY: 'secret-node-key' } },
        { ...spec('31'), type: 'cloud-init', descriptor: { type: 'cloud-init', userData: '#cloud-config\npackages: [nginx]\nruncmd:\n  - [systemctl, enable, --now, nginx]\n' } },
      ];
      const check = async (s: DeploymentSpec) => {
        const r = await backend.create(s, context(fileCheckpoint(join(dir, `${s.name}.json`))));
        const text = Buffer.from(cloud.state.vms.get(r.backendId)!.userdata!, 'base64').toString('utf8');
        const file = join(dir, `${s.name}.yaml`);
        writeFileSync(file, text);
        return { text, res: spawnSync(cloudInitBin!, ['schema', '--config-file', file], { encoding: 'utf8' }) };
      };
      for (const s of specs) {
        const { text, res } = await check(s);
        expect(res.status, `${s.type}: ${res.stdout}${res.stderr}`).toBe(0);
        expect(res.stdout).toMatch(/Valid (schema|cloud-config)/i);
        if (s.type === 'substrate-node') {
          expect(text).toContain(`/etc/systemd/system/${s.name}.service`);
          expect(text).toContain('path: /etc/dinfra/secrets.env');
        }
      }
      const broken = await check({ ...spec('32'), type: 'cloud-init', descriptor: { type: 'cloud-init', userData: '#cloud-config\nruncmd: 5\nusers: nope\n' } });
      expect(broken.res.status).not.toBe(0);
    } finally {
      await cloud.close();
    }
  });
});
