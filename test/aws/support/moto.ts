// A real moto server (PyPI moto[server]) on 127.0.0.1 for the AWS backend tests: started per
// test file on a free port, reset between tests, stopped (its whole process group) at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DescribeImagesCommand, EC2Client, paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';

export const MOTO_REGION = 'us-east-1';
/** moto accepts any key; these are never real credentials. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface Moto {
  readonly endpoint: string;
  readonly ec2: EC2Client;
  /** POST /moto-api/reset: forget every resource. */
  reset(): Promise<void>;
  /** Every instance moto holds, whatever its state (pending ... terminated). */
  instances(): Promise<Instance[]>;
  /** An AMI moto knows (from its bundled Amazon images). */
  ami(): Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`${url}/moto-api/data.json`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${url} within 60 s:\n${log()}`);
}

export async function startMoto(bin: string): Promise<Moto> {
  const port = await freePort();
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUp(endpoint, child, () => out);
  } catch (e) {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    throw e;
  }
  const ec2 = new EC2Client({ region: MOTO_REGION, endpoint, credentials: MOTO_CREDENTIALS });
  let ami: string | undefined;
  return {
    endpoint,
    ec2,
    async reset() {
      const r = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!r.ok) throw new Error(`moto reset: HTTP ${r.status}`);
    },
    async instances() {
      const all: Instance[] = [];
      for await (const page of paginateDescribeInstances({ client: ec2 }, {})) for (const r of page.Reservations ?? []) all.push(...(r.Instances ?? []));
      return all;
    },
    async ami() {
      if (ami) return ami;
      const out = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
      const images = out.Images ?? [];
      const found = (images.find((i) => i.Architecture === 'x86_64' && i.PlatformDetails === 'Linux/UNIX') ?? images[0])?.ImageId;
      if (!found) throw new Error('moto knows no AMI');
      return (ami = found);
    },
    async stop() {
      ec2.destroy();
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
    },
  };
}
