// The shipped alert rules: `promtool check rules` and `promtool test rules` pass (Debian's
// prometheus package).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { peer } from '../support/peers.ts';

const promtool = peer('prometheus');
const dir = fileURLToPath(new URL('../../packages/monitor/alerts/', import.meta.url));

describe.skipIf(!promtool)('alert rules (promtool)', () => {
  it('promtool check rules: the file is valid', () => {
    const r = spawnSync(promtool!, ['check', 'rules', 'dinfra-monitor.rules.yml'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/SUCCESS: 11 rules found/);
    expect(r.status).toBe(0);
  });

  it('promtool test rules: every alert fires when and as its unit tests say', () => {
    const r = spawnSync(promtool!, ['test', 'rules', 'dinfra-monitor.rules.test.yml'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });
});
