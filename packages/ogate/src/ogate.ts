/** Starts OGate: store, keys, content store, chain connection, follower, fetcher, signer, API. */
import { openContentStore } from '@dinfra/content';
import { serviceBindings } from '@dinfra/service';
import { pino, type Logger } from 'pino';
import type { OGateConfig } from './config/index.ts';
import type { OGateContext } from './context.ts';
import { connectChain } from './chain/connect.ts';
import { Follower } from './chain/follower.ts';
import { resolveProvider } from './chain/provider-account.ts';
import { Changes } from './desired/changes.ts';
import { DescriptorFetcher } from './descriptors/fetcher.ts';
import { SecretOpener } from './descriptors/secrets.ts';
import { loadOperatorKeys } from './keys.ts';
import { createMetrics } from './metrics.ts';
import { Signer } from './outbox/signer.ts';
import { Store } from './store/index.ts';
import { tokenSecret } from './api/auth.ts';
import { loadDocument } from '@dinfra/ogate-contract/conformance';
import { createApi, listen } from './api/server.ts';
import { join } from 'node:path';

export interface RunningOGate {
  url: string;
  provider: string;
  stop(): Promise<void>;
}

export async function startOGate(config: OGateConfig, logger?: Logger): Promise<RunningOGate> {
  const log = logger ?? pino({ level: config.logLevel, base: serviceBindings('dinfra-ogate') });
  const keys = await loadOperatorKeys(config);
  const store = Store.open(config.dataDir);
  const content = await openContentStore(config.ipfsApi ? { ipfsApi: config.ipfsApi } : { ipfsRepo: config.ipfsRepo ?? join(config.dataDir, 'ipfs') });
  const conn = await connectChain({ url: config.url, logger: log.child({ name: 'chain' }) });
  const api = conn.api;
  log.info({ url: config.url, operator: keys.signer.address, chain: (await api.rpc.system.chain()).toString() }, 'connected to the node');
  const account = await resolveProvider(api, keys.signer.address, config.provider, log.child({ name: 'provider' }));
  log.info({ provider: account }, 'serving provider');
  const ctx: OGateContext = {
    config,
    api,
    store,
    changes: new Changes(),
    log,
    metrics: createMetrics(),
    operator: keys.signer,
    oldOperators: keys.old,
    provider: { account },
    isConnected: () => conn.isConnected(),
  };
  const follower = new Follower({ ...ctx, log: log.child({ name: 'follower' }) });
  const props = await api.rpc.system.properties();
  const chain = {
    name: (await api.rpc.system.chain()).toString(),
    genesisHash: api.genesisHash.toHex(),
    rpcUrl: config.url,
    tokenSymbol: props.tokenSymbol.isSome ? (props.tokenSymbol.unwrap()[0]?.toString() ?? 'UNIT') : 'UNIT',
    tokenDecimals: props.tokenDecimals.isSome ? (props.tokenDecimals.unwrap()[0]?.toNumber() ?? 12) : 12,
    ss58Format: props.ss58Format.isSome ? props.ss58Format.unwrap().toNumber() : 42,
  };
  const app = await createApi({ ctx, follower, secrets: new SecretOpener(keys.keypairs), document: loadDocument(), chain }, tokenSecret(config.dataDir));
  const server = await listen(app, config.listen);
  // One line tests and operators look for (the port when --listen HOST:0).
  console.log(`OGate listening on ${server.url}`);
  await follower.start();
  const fetcher = new DescriptorFetcher({ ...ctx, log: log.child({ name: 'descriptors' }) }, content, follower.types, keys.keypairs);
  fetcher.start();
  const signer = new Signer({ ...ctx, log: log.child({ name: 'outbox' }) });
  signer.start();
  const retention = setInterval(() => purgeExpired(ctx), 60_000);
  retention.unref();
  purgeExpired(ctx);
  log.info({ cursor: store.meta.cursor(), revision: store.meta.revision() }, 'OGate ready');
  return {
    url: server.url,
    provider: account,
    async stop() {
      clearInterval(retention);
      fetcher.stop();
      await signer.stop();
      await follower.stop();
      await server.close();
      await conn.close();
      await content.close();
      store.close();
    },
  };
}

/** Absent deployments past the retention period are deleted; `since` older than them gets the whole set. */
function purgeExpired(ctx: OGateContext): void {
  const cutoff = Date.now() - ctx.config.retentionSeconds * 1000;
  const expired = ctx.store.deployments.absentBefore(cutoff);
  if (!expired.length) return;
  ctx.store.tx(() => {
    for (const row of expired) {
      ctx.store.deployments.delete(row.id);
      ctx.store.meta.setForgottenBefore(row.revision);
    }
  });
  ctx.log.info({ count: expired.length }, 'absent deployments past retention removed');
}
