// The emulator as a process (what the bench and manual tries use): it prints its URL and keys,
// serves signed calls, reports counts on /_emulator/counts, takes faults on /_emulator/faults,
// and exits on SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CloudStackClient, type CloudStackError } from '@dinfra/reactor-sdk/cloudstack';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../packages/reactor-sdk/src/backends/cloudstack/emulator/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('cloudstack emulator process', () => {
  it('prints where it listens, serves, counts, takes faults and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--job-delay-ms', '0', '--max-vms', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const info = JSON.parse(line) as { url: string; apiKey: string; secretKey: string };
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/api$/);
      const c = new CloudStackClient({ endpoint: info.url, apiKey: info.apiKey, secretKey: info.secretKey });
      const cat = (await (await fetch(new URL('/_emulator/catalog', info.url))).json()) as { zones: { id: string }[]; templates: { id: string }[]; offerings: { id: string }[] };
      const base = { zoneid: cat.zones[0]!.id, templateid: cat.templates[0]!.id, serviceofferingid: cat.offerings[0]!.id };
      const fault = await fetch(new URL('/_emulator/faults', info.url), { method: 'POST', body: JSON.stringify({ command: 'deployVirtualMachine', code: 431, phase: 'sync' }) });
      expect(fault.status).toBe(200);
      await expect(c.call('deployVirtualMachine', { ...base, name: 'a' })).rejects.toMatchObject({ errorCode: 431 } satisfies Partial<CloudStackError>);
      await c.call('deployVirtualMachine', { ...base, name: 'a' });
      await expect(c.call('deployVirtualMachine', { ...base, name: 'b' })).rejects.toMatchObject({ errorCode: 535 });
      const counts = (await (await fetch(new URL('/_emulator/counts', info.url))).json()) as { vmsCreated: number; calls: Record<string, number> };
      expect(counts.vmsCreated).toBe(1);
      expect(counts.calls.deployVirtualMachine).toBe(3);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
