/**
 * AWS EC2 backend against a real moto server: create -> running and destroy -> gone per
 * deployment, and EC2 API calls per deployment (counted by an SDK middleware: every HTTP
 * attempt, retries included — the figure that matters against EC2's request rate limits).
 * Baseline: one bare DescribeInstances round trip to the same moto, same run.
 */
import type { DeploymentSpec, OperationContext } from '../packages/reactor-sdk/src/index.ts';
import { countApiCalls } from '../packages/reactor-sdk/src/backends/aws/index.ts';
import { peer } from '../test/support/peers.ts';
import { testContext } from '../test/aws/support/context.ts';
import { key, motoBackend, nodeSpec } from '../test/aws/support/fixtures.ts';
import { startMoto } from '../test/aws/support/moto.ts';

export interface AwsBenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

export async function benchAws(n: number): Promise<AwsBenchRow[]> {
  const bin = peer('moto');
  if (!bin) return [];
  const moto = await startMoto(bin);
  try {
    const ami = await moto.ami();
    const backend = motoBackend(moto.endpoint, ami);
    const counter = countApiCalls(backend.clients.ec2, backend.clients.ssm);
    // warm-up (first requests pay moto's lazy imports)
    const warm: DeploymentSpec = nodeSpec(key(1_000_000));
    await backend.destroy(await backend.create(warm, testContext()), testContext());
    const base: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await moto.instances(); // one DescribeInstances page
      base.push(performance.now() - t);
    }
    counter.reset();
    const create: number[] = [];
    const resources = [];
    for (let i = 0; i < n; i++) {
      const spec = nodeSpec(key(i + 1));
      const ctx: OperationContext = testContext();
      const t = performance.now();
      resources.push(await backend.create(spec, ctx));
      create.push(performance.now() - t);
    }
    const createCalls = counter.total() / n;
    const createDetail = [...counter.calls].map(([op, c]) => `${op} ${(c / n).toFixed(1)}`).join(', ');
    counter.reset();
    const destroy: number[] = [];
    for (const r of resources) {
      const t = performance.now();
      await backend.destroy(r, testContext());
      destroy.push(performance.now() - t);
    }
    const destroyCalls = counter.total() / n;
    const destroyDetail = [...counter.calls].map(([op, c]) => `${op} ${(c / n).toFixed(1)}`).join(', ');
    counter.reset();
    await backend.list(testContext());
    const listCalls = counter.total();
    await backend.close();
    const b = median(base);
    return [
      { name: 'aws/moto: DescribeInstances round trip (baseline)', value: b, unit: 'ms (median)' },
      { name: `aws/moto: create -> running (${n} deployments, one at a time)`, value: median(create), unit: 'ms (median)', note: `${(median(create) / b).toFixed(1)}x baseline` },
      { name: 'aws/moto: destroy -> terminated', value: median(destroy), unit: 'ms (median)', note: `${(median(destroy) / b).toFixed(1)}x baseline` },
      { name: 'aws: EC2 API calls per create', value: createCalls, unit: 'calls', note: createDetail },
      { name: 'aws: EC2 API calls per destroy', value: destroyCalls, unit: 'calls', note: destroyDetail },
      { name: 'aws: EC2 API calls per list (reconcile pass, one page)', value: listCalls, unit: 'calls' },
    ];
  } finally {
    await moto.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchAws(Number(process.env.BENCH_AWS_N ?? 20));
  for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
}
