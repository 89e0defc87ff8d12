import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOGateClient, type Provider } from '@dinfra/ogate-contract';
import { FakeOGate } from '@dinfra/ogate-contract/testing';
import type { Backend, Logger } from '../backend.ts';
import { silentLogger } from '../logging.ts';
import type { ReactorOptions } from '../reconcile/options.ts';
import { Reactor } from '../reconcile/reactor.ts';
import { ReactorStore } from '../store/index.ts';

export interface HarnessOptions {
  /**
   * A running OGate (e.g. started over a dev node by your test setup). Without it the harness
   * starts an in-process fake OGate (`harness.ogate`), so a backend is tested with no node.
   */
  readonly ogateUrl?: string;
  /** The reactor token for `ogateUrl` (the fake's own when the harness starts one). */
  readonly token?: string;
  readonly backend: Backend;
  /** @default a fresh temp directory */
  readonly dataDir?: string;
  readonly log?: Logger;
  /** Loop settings; the harness defaults are fast (probes every 200 ms, resync every 2 s). */
  readonly tuning?: Partial<Omit<ReactorOptions, 'client' | 'backend' | 'store' | 'log' | 'provider'>>;
}

export interface ReactorHarness {
  readonly reactor: Reactor;
  /** The fake OGate the harness started (drive it with `upsert`), when no `ogateUrl` was given. */
  readonly ogate: FakeOGate | undefined;
  readonly store: ReactorStore;
  readonly provider: Provider;
  readonly dataDir: string;
  /** Waits until `f()` is true (polls every 50 ms), failing with `what` after `timeoutMs`. */
  until(what: string, f: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  /** Stops the loop (the backend's resources stay, as after a real stop). */
  stop(): Promise<void>;
}

/**
 * Runs a reactor in this process with your backend, against the fake OGate by default or a
 * real one: the way a backend author tests a backend without a cloud or a node (see the
 * README's "custom backend" section).
 */
export async function startReactorHarness(o: HarnessOptions): Promise<ReactorHarness> {
  if (o.ogateUrl !== undefined && o.token === undefined) throw new Error('startReactorHarness: ogateUrl needs its token');
  const ogate = o.ogateUrl === undefined ? await FakeOGate.start() : undefined;
  const baseUrl = ogate?.url ?? o.ogateUrl!;
  const client = createOGateClient({ baseUrl, token: ogate?.token ?? o.token! });
  const { data: provider, response } = await client.GET('/v1/provider');
  if (!provider) {
    await ogate?.close();
    throw new Error(`GET ${baseUrl}/v1/provider: HTTP ${response.status}`);
  }
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'reactor-harness-'));
  const store = ReactorStore.open(dataDir);
  const reactor = new Reactor({
    client, backend: o.backend, store, log: o.log ?? silentLogger(), provider: { current: provider },
    resyncMs: 2000, longPollS: 2, probeIntervalMs: 200, startupGraceMs: 0, createRetry: { attempts: 3, baseMs: 50, maxMs: 500 },
    ...o.tuning,
  });
  await reactor.start();
  return {
    reactor, ogate, store, provider, dataDir,
    async until(what, f, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      while (!(await f())) {
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      await reactor.stop();
      store.close();
      await ogate?.close();
    },
  };
}
