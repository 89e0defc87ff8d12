/**
 * Acceptance: a `cloud-init` subscription on the AWS backend (real dev node, OGate and
 * dinfra-reactor, moto as EC2) ends Running with the endpoint its descriptor declares and is
 * billed (before, it stayed Provisioning for ever); one whose declared port never opens ends
 * Failed{reason} after the probe limit, and its instance is terminated.
 */
import { TAG } from '@dinfra/reactor-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, PRICE, startCloudInitWorld, startCloudReactor, subscribeBoth, type CloudInitWorld } from '../support/cloud-init-acceptance.ts';
import { peer } from '../support/peers.ts';
import { until } from '../reactor/support.ts';
import { MOTO_CREDENTIALS, startMoto, type Moto } from './support/moto.ts';

const motoBin = peer('moto');

describe.skipIf(!motoBin)('cloud-init on dinfra-reactor --backend aws (moto)', () => {
  let w: CloudInitWorld;
  let moto: Moto;
  let reactor: Awaited<ReturnType<typeof startCloudReactor>> | undefined;
  beforeAll(async () => {
    [w, moto] = await Promise.all([startCloudInitWorld(), startMoto(motoBin!)]);
  });
  afterAll(async () => {
    await reactor?.kill();
    await Promise.all([moto?.stop(), w?.close()]);
  });

  it('Running with the declared tcp:// endpoint and billed; a port that never opens: Failed{reason}', async () => {
    const config = { region: 'us-east-1', endpoint: moto.endpoint, images: { default: await moto.ami() }, instanceTypes: { medium: 't3.medium' }, endpointHost: '127.0.0.1', waitMinDelaySeconds: 1, waitTimeoutSeconds: 20 };
    reactor = await startCloudReactor(w, 'aws', config, {
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true',
    });
    const ids = await subscribeBoth(w);
    const r = await outcome(w, ids, reactor.out);
    expect(r.running.endpoints).toEqual([`tcp://127.0.0.1:${w.openPort}`]);
    expect(r.billing.pricePerBlock).toBe(PRICE);
    expect(r.billing.settledTo).toBeGreaterThan(0);
    expect(r.billing.expiresAt).toBeGreaterThan(r.billing.settledTo!);
    expect(r.failed.lossReason).toMatch(new RegExp(`^never became ready after \\d+ probes: tcp://127\\.0\\.0\\.1:${w.closedPort}: no TCP connection`));
    const of = async (id: string) => (await moto.instances()).filter((i) => i.Tags?.some((t) => t.Key === TAG.subscription && t.Value === id));
    expect((await of(ids[0])).filter((i) => i.State?.Name === 'running')).toHaveLength(1);
    expect((await of(ids[0]))[0]!.Tags!.find((t) => t.Key === 'dinfra:ports')?.Value).toBe(`tcp:${w.openPort}`);
    await until('the failed one\'s instance terminated', async () => (await of(ids[1])).every((i) => i.State?.Name === 'terminated'), 60_000);
  }, 420_000);
});
