import type { Server } from 'node:http';
import { addressUrl, parseHostPort } from '@dinfra/service';
import { join } from 'node:path';
import { createOGateClient, type OGateClient, type Provider } from '@dinfra/ogate-contract';
import type { Logger } from '../backend.ts';
import { backendNames, backendRegistry } from '../backends/registry.ts';
import { loadCatalog, type ChainCatalog } from '../launch/catalog.ts';
import { checkPublicChainUrls, LoopbackChainUrlError } from '../launch/public-chain.ts';
import { createLogger } from '../logging.ts';
import { ReactorMetrics } from '../reconcile/metrics.ts';
import { Reactor } from '../reconcile/reactor.ts';
import { sleep } from '../reconcile/retry.ts';
import { ReactorStore } from '../store/index.ts';
import { ReactorConfigError, type ReactorConfig } from './config.ts';
import { startOpsServer } from './http.ts';

export interface RunningReactor {
  readonly reactor: Reactor;
  readonly port: number;
  stop(): Promise<void>;
}

/** `GET /v1/provider`, retried until OGate answers; a refused token is fatal. */
async function fetchProvider(client: OGateClient, log: Logger, signal: AbortSignal): Promise<Provider> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data, response } = await client.GET('/v1/provider', { signal });
      if (data) return data;
      if (response.status === 401 || response.status === 403) throw new ReactorConfigError(`--token: OGate refused it (HTTP ${response.status})`);
      log.warn({ status: response.status, attempt }, 'OGate not ready yet');
    } catch (err) {
      if (err instanceof ReactorConfigError || signal.aborted) throw err;
      log.warn({ err: (err as Error).message, attempt }, 'OGate not reachable yet');
    }
    await sleep(Math.min(250 * 2 ** attempt, 5000), signal);
  }
}

function genesisFor(catalog: ChainCatalog, provider: { current: Provider }) {
  return (chainName: unknown): string | undefined => {
    const entry = typeof chainName === 'string' ? catalog[chainName] : undefined;
    if (!entry) return undefined;
    return entry.genesisHash ?? (entry.follow === 'ogate' ? provider.current.chain.genesisHash : undefined);
  };
}

/** Starts dinfra-reactor from a validated config: ops server, OGate, backend, reconcile loop. */
export async function runReactor(config: ReactorConfig, log: Logger = createLogger({ level: config.logLevel })): Promise<RunningReactor> {
  const factory = backendRegistry[config.backend];
  if (!factory) throw new ReactorConfigError(`--backend (backend): "${config.backend}" is not one of ${backendNames().join(', ')}`);
  const catalog = loadCatalog(config.chains);
  const store = ReactorStore.open(config.dataDir);
  const metrics = new ReactorMetrics();
  let reactor: Reactor | undefined;
  const stopping = new AbortController();
  const { host, port } = parseHostPort(config.listen);
  const ops = await startOpsServer({
    host, port, registry: metrics.registry,
    ready: () => ({ ready: reactor?.ready ?? false, checks: { ogate: reactor ? 'ok' : 'waiting', firstPass: reactor?.ready ? 'done' : 'pending' } }),
  });
  const server: Server = ops.server;
  log.info(`reactor listening on ${addressUrl('http', host, ops.port)}`);
  const client = createOGateClient({ baseUrl: config.ogate, token: config.token });
  try {
    const provider = { current: await fetchProvider(client, log, stopping.signal) };
    log.info({ provider: provider.current.account, chain: provider.current.chain.name, backend: config.backend }, 'serving provider');
    if (factory.remote) {
      // A VM cannot reach OGate's loopback --url: refuse before any machine gets it in its service file.
      try {
        checkPublicChainUrls(catalog, { name: provider.current.chain.name, rpcUrl: provider.current.chain.rpcUrl }, config.backend);
      } catch (e) {
        if (e instanceof LoopbackChainUrlError) throw new ReactorConfigError(`${e.message}`);
        throw e;
      }
    }
    const backend = await factory.create(config.backends[config.backend], {
      cloudInit: config.launch.cloudInit,
      provider: provider.current.account, dataDir: config.dataDir, store, log, catalog,
      marketplace: () => ({ name: provider.current.chain.name, rpcUrl: provider.current.chain.rpcUrl }),
      ...(config.publicHost ? { publicHost: config.publicHost } : {}),
    });
    const t = config.reactor;
    const genesis = genesisFor(catalog, provider);
    reactor = new Reactor({
      client, backend, store, log, provider, metrics,
      graceMs: config.graceS * 1000, resyncMs: t.resyncMs, longPollS: t.longPollS, orphanSweepMs: t.orphanSweepMs,
      probeIntervalMs: t.probeIntervalMs, concurrency: t.concurrency, startupGraceMs: t.startupGraceMs, portProbeLimit: t.portProbeLimit,
      createRetry: { attempts: t.createAttempts, baseMs: t.retryBaseMs, maxMs: t.retryMaxMs },
      health: { restartAfter: t.restartAfter, degradedAfter: t.degradedAfter, stallMs: t.stallMs },
      expectedGenesis: (d) => genesis(d.descriptor.chain),
      referenceHead: (d) => (catalog[String(d.descriptor.chain)]?.follow === 'ogate' ? provider.current.finalized.number : undefined),
    });
    const refresh = setInterval(() => void fetchProvider(client, log, AbortSignal.timeout(10_000)).then((p) => (provider.current = p), () => undefined), t.resyncMs);
    refresh.unref();
    await reactor.start();
    log.info({ deployments: reactor.view.all().length, revision: reactor.view.revision }, 'first reconcile pass done');
    const r = reactor;
    return {
      reactor: r,
      port: ops.port,
      async stop() {
        clearInterval(refresh);
        await r.stop();
        server.close();
        store.close();
      },
    };
  } catch (err) {
    stopping.abort();
    server.close();
    store.close();
    throw err;
  }
}

export const defaultDataDir = (): string => join(process.cwd(), 'reactor-data');
