import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { buildGenesisStorage, dinfraMetadata, dinfraMetadataHash, dinfraRuntime, Executive, type Runtime } from '@dinfra/runtime';
import type { NodeConfig } from './cli/index.ts';
import { genesisStorageOf, loadChainSpec, type ChainSpecJson } from './chain-spec/index.ts';
import { Chain, type BlockRecord } from './chain/chain.ts';
import { decodeBlock, encodeBlock } from './chain/block.ts';
import { genesisBlock } from './chain/genesis-block.ts';
import { DatabaseCorruptError, GenesisMismatchError, LevelChainDatabase, type ChainDatabase } from './storage/chain-db.ts';
import { TransactionPool } from './pool/pool.ts';
import { Author } from './authoring/author.ts';
import { NodeMetrics } from './metrics.ts';
import { nodeMethods } from './rpc/methods/index.ts';
import { denyUnsafe, unsafeAllowed } from './rpc/unsafe-methods.ts';
import type { NodeContext } from './rpc/context.ts';
import { createRpcServer, mbToBytes, type RpcMethodTable, type RpcServer } from './rpc/server/index.ts';
import { peerIdFromNodeKey, randomNodeKey } from './network/peer-id.ts';
import { parseMultiaddr } from './network/multiaddr.ts';
import { Follower } from './network/follower.ts';
import { PeerServer } from './network/peer-server.ts';

/** Delay between authoring a block and finalizing it (single authority, lag 0). */
export const FINALITY_DELAY_MS = 150;

export interface NodeServiceOptions {
  config: NodeConfig;
  logger: Logger;
  version: string;
  /** Extra RPC method groups (e.g. the new JSON-RPC spec). */
  rpcExtensions?: Array<(ctx: NodeContext) => RpcMethodTable>;
}

async function nodeKey(config: NodeConfig, netDir: string): Promise<string> {
  if (config.nodeKey) return config.nodeKey;
  const file = config.nodeKeyFile ?? join(netDir, 'secret_ed25519');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const key = randomNodeKey();
    await mkdir(netDir, { recursive: true });
    await writeFile(file, key, { mode: 0o600 });
    return key;
  }
}

/** A running dinfra-node: chain, pool, authoring or following, RPC, metrics, peers. */
export class NodeService {
  rpc?: RpcServer;
  metricsServer?: { port: number; close(): void };
  author?: Author;
  follower?: Follower;
  peerServer?: PeerServer;
  readonly #included = new Map<string, string[]>();
  #closing = false;
  /** Highest block number handed to finalize(); the chain's finalized head follows once durable. */
  #finalityTarget = 0;
  peerIdForPeers?: string;

  private constructor(
    readonly options: NodeServiceOptions,
    readonly spec: ChainSpecJson,
    readonly runtime: Runtime,
    readonly executive: Executive,
    readonly chain: Chain,
    readonly pool: TransactionPool,
    readonly db: ChainDatabase,
    readonly metrics: NodeMetrics,
    readonly basePath: string,
  ) {}

  get log(): Logger {
    return this.options.logger;
  }

  static async start(options: NodeServiceOptions): Promise<NodeService> {
    const { config, logger } = options;
    await cryptoWaitReady();
    const spec = loadChainSpec(config.chain);
    const runtime = dinfraRuntime();
    const genesis = genesisBlock(genesisStorageOf(spec, buildGenesisStorage));
    // CheckMetadataHash mode 1 (RFC-78) is verified against the hash for the spec's token.
    const props = spec.properties ?? {};
    const metadataHash = dinfraMetadataHash(Number(props.tokenDecimals ?? 12), String(props.tokenSymbol ?? 'DIN'));
    const executive = new Executive(runtime, { genesisHash: genesis.block.hash, metadataHash });
    const basePath = config.basePath ?? (await mkdtemp(join(tmpdir(), 'dinfra-node-')));
    const chainDir = join(basePath, 'chains', spec.id);
    await mkdir(chainDir, { recursive: true });
    const db = await LevelChainDatabase.open(join(chainDir, 'db'));
    const chain = await NodeService.#restore(db, genesis, logger);
    const pool = new TransactionPool(chain, executive);
    const metrics = new NodeMetrics({ name: config.name, version: options.version, chain: spec.id });
    const node = new NodeService(options, spec, runtime, executive, chain, pool, db, metrics, basePath);
    await node.#startServices(chainDir);
    return node;
  }

  static async #restore(db: ChainDatabase, genesis: BlockRecord, logger: Logger): Promise<Chain> {
    const stored = await db.genesisHash();
    if (stored && stored !== genesis.block.hash) {
      throw new GenesisMismatchError(stored, genesis.block.hash);
    }
    if (!stored) await db.setGenesisHash(genesis.block.hash);
    const chain = new Chain(genesis);
    const finalized = await db.finalized();
    for await (const { block: bytes, changes } of db.blocks()) {
      const block = decodeBlock(bytes);
      const state = chain.best.state!.apply(changes);
      if (state.root() !== block.header.stateRoot) throw new DatabaseCorruptError(`database corrupt at #${block.header.number}: state root mismatch`);
      chain.append({ block, state, changes });
      // Finalize as we go, so old states are pruned during a long replay, not kept to the end.
      if (block.header.number <= finalized) chain.finalize(block.header.number);
    }
    chain.finalize(Math.min(finalized, chain.best.block.header.number));
    logger.info(`📦 Highest known block at #${chain.best.block.header.number}`);
    return chain;
  }

  get isAuthority(): boolean {
    const c = this.options.config;
    return c.bootnodes.length === 0 && !c.syncFrom;
  }

  persistImported(record: BlockRecord): Promise<void> {
    return this.#persist(record);
  }

  async #persist(record: BlockRecord): Promise<void> {
    await this.db.putBlock(record.block.header.number, { block: encodeBlock(record.block), changes: record.changes }, this.chain.finalized.block.header.number);
  }

  /** Bookkeeping after any block joins the chain (authored or imported). */
  onImported(record: BlockRecord, included: string[]): void {
    this.#included.set(record.block.hash, included);
    const old = this.chain.byNumber(record.block.header.number - 512);
    if (old) this.#included.delete(old.block.hash);
    this.pool.onBlock(record, new Set(included));
    this.metrics.blockHeight.set({ status: 'best' }, record.block.header.number);
    this.metrics.readyTxs.set(this.pool.readyCount());
    if (this.isAuthority) {
      const target = record.block.header.number - this.options.config.finalityLag;
      // Clients fetch a block's events when told it is InBlock; finalizing in the same breath
      // makes @polkadot/api's signAndSend drop InBlock, so finality trails by a short delay.
      setTimeout(() => this.finalize(target), FINALITY_DELAY_MS);
    }
  }

  /**
   * Finalizes block `n`: the finalized number is made durable first and announced after, so a
   * client never sees a finality that a kill -9 could take back.
   */
  finalize(n: number): void {
    if (this.#closing || n <= this.#finalityTarget || n > this.chain.best.block.header.number) return;
    this.#finalityTarget = n;
    this.db.setFinalized(n).then(
      () => {
        if (!this.#closing) this.chain.finalize(n);
      },
      (e) => this.log.error({ err: e }, 'could not persist finality'),
    );
  }

  async #startServices(chainDir: string): Promise<void> {
    const { config } = this.options;
    this.#finalityTarget = this.chain.finalized.block.header.number;
    this.chain.on('finalized', (r) => {
      this.metrics.blockHeight.set({ status: 'finalized' }, r.block.header.number);
      for (const hash of this.#included.get(r.block.hash) ?? []) this.pool.notify(hash, { finalized: r.block.hash });
      this.log.debug(`Finalized #${r.block.header.number} (${r.block.hash})`);
    });
    this.chain.on('newBlock', (r) => this.log.info(`🏆 Imported #${r.block.header.number} (${r.block.hash})`));
    this.metrics.blockHeight.set({ status: 'best' }, this.chain.best.block.header.number);
    this.metrics.blockHeight.set({ status: 'finalized' }, this.chain.finalized.block.header.number);
    const key = await nodeKey(config, join(chainDir, 'network'));
    const peerId = peerIdFromNodeKey(key);
    const ctx = this.#context(peerId);
    this.metrics.observe({ peers: () => ctx.peers().length, readyTransactions: () => this.pool.readyCount() });
    const all = nodeMethods(ctx, this.options.rpcExtensions);
    const methods = unsafeAllowed(config.rpcMethods, config.rpcHost) ? all : denyUnsafe(all);
    if (this.isAuthority) {
      this.author = new Author(this.chain, this.pool, this.executive, {
        sealing: config.sealing,
        blockTimeMs: config.blockTimeMs,
        persist: (r) => this.#persist(r),
        onImported: (r, inc) => this.onImported(r, inc),
      }, this.log.child({ name: 'author' }));
      this.author.start();
    } else {
      const source = config.syncFrom ?? config.bootnodes[0]!;
      this.follower = new Follower({ source, node: this, log: this.log.child({ name: 'sync' }) });
      this.peerIdForPeers = peerId;
      this.follower.start();
    }
    if (config.listenAddr.length) {
      const { host, port } = parseMultiaddr(config.listenAddr[0]!);
      this.peerServer = await PeerServer.start({ host, port, methods, logger: this.log.child({ name: 'peers' }) });
      const addr = `/ip4/${host === '0.0.0.0' ? '127.0.0.1' : host}/tcp/${this.peerServer.port}/ws/p2p/${peerId}`;
      ctx.listenAddresses.push(addr);
      this.log.info(`🔍 Listening for peers on ${addr}`);
    }
    this.rpc = await createRpcServer({
      host: config.rpcHost,
      port: config.rpcPort,
      // Followers started with --sync-from ws://<rpc> register on the RPC port as peers too.
      methods: this.peerServer ? { ...methods, dinfra_peerSession: this.peerServer.session } : methods,
      logger: this.log.child({ name: 'rpc' }),
      metrics: this.metrics.rpcHooks(),
      cors: config.rpcCors,
      limits: {
        maxConnections: config.rpcMaxConnections,
        maxRequestBytes: mbToBytes(config.rpcMaxRequestSizeMb),
        maxResponseBytes: mbToBytes(config.rpcMaxResponseSizeMb),
        maxSubscriptionsPerConnection: config.rpcMaxSubscriptionsPerConnection,
      },
      health: () => ({ isSyncing: false, peers: ctx.peers().length, shouldHavePeers: this.spec.chainType !== 'Development' }),
    });
    this.log.info(`Running JSON-RPC server: addr=${config.rpcHost}:${this.rpc.port}`);
    if (!config.noPrometheus) {
      this.metricsServer = await this.metrics.serve(config.prometheusHost, config.prometheusPort);
      this.log.info(`〽️ Prometheus exporter started at ${config.prometheusHost}:${this.metricsServer.port}`);
    }
    this.log.info(`🏷  Local node identity is: ${peerId}`);
  }

  #context(peerId: string): NodeContext {
    return {
      chain: this.chain,
      pool: this.pool,
      executive: this.executive,
      runtime: this.runtime,
      spec: this.spec,
      nodeName: 'dinfra-node',
      nodeVersion: this.options.version,
      isAuthority: this.isAuthority,
      peerId,
      listenAddresses: [],
      peers: () => {
        const list = [...(this.peerServer?.peers() ?? []), ...(this.follower?.peers() ?? [])];
        this.metrics.peers.set(list.length);
        return list;
      },
      submitExtrinsic: async (bytes) => {
        if (this.follower) return this.follower.forward(bytes);
        return this.pool.submit(bytes);
      },
      newBlock: this.isAuthority ? () => this.author!.newBlock() : undefined,
      includedIn: (hash) => this.#included.get(hash),
      metadata: (v) => dinfraMetadata(v),
    };
  }

  async stop(): Promise<void> {
    this.#closing = true;
    this.author?.stop();
    await this.follower?.stop();
    await this.rpc?.close();
    await this.peerServer?.close();
    this.metricsServer?.close();
    await this.db.close();
  }
}
