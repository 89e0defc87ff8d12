import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { Logger } from 'pino';
import { ApiTypes, blake2_256, codecOf, decodeExact } from '@dinfra/runtime';
import { hashHeader, type Block, type Header } from '../chain/block.ts';
import { importBlock } from '../chain/execute-block.ts';
import type { BlockRecord, Chain } from '../chain/chain.ts';
import type { Executive } from '@dinfra/runtime';
import { RpcError } from '../rpc/server/index.ts';
import { peerUrl } from './multiaddr.ts';
import { PeerRpcClient, RemoteRpcError } from './rpc-client.ts';
import type { PeerInfo } from './peer-server.ts';

interface HeaderJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

export interface FollowerHost {
  chain: Chain;
  executive: Executive;
  isAuthority: boolean;
  persistImported(record: BlockRecord): Promise<void>;
  onImported(record: BlockRecord, included: string[]): void;
  finalize(n: number): void;
  peerIdForPeers?: string;
}

const digestCodec = codecOf(ApiTypes.DigestItem);

/** Longest wait between reconnection attempts: an author restart is picked up within a second. */
const MAX_BACKOFF_MS = 1000;

export function headerFromJson(h: HeaderJson): Header {
  return {
    parentHash: h.parentHash,
    number: Number(h.number),
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    digest: { logs: h.digest.logs.map((l) => decodeExact(digestCodec, hexToU8a(l), 'digest item')) },
  };
}

/**
 * Follows an authoring node: imports and re-executes its blocks (checking the state root),
 * mirrors its finality, forwards submitted transactions, and reconnects after a restart.
 */
export class Follower {
  #client: PeerRpcClient | undefined;
  #stopped = false;
  #syncing: Promise<void> = Promise.resolve();
  #remoteBest = 0;
  #remoteFinalized = 0;
  #remotePeerId = '';
  #backoffMs = 250;

  constructor(readonly o: { source: string; node: FollowerHost & { localPeerId?: string }; log: Logger }) {}

  start(): void {
    void this.#connectLoop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#client?.close();
    await this.#syncing.catch(() => undefined);
  }

  peers(): PeerInfo[] {
    if (!this.#client) return [];
    return [{ peerId: this.#remotePeerId, roles: 'AUTHORITY', bestHash: '', bestNumber: this.#remoteBest }];
  }

  async #connectLoop(): Promise<void> {
    const url = peerUrl(this.o.source);
    while (!this.#stopped) {
      try {
        const client = await PeerRpcClient.connect(url);
        await this.#session(client);
        this.#backoffMs = 250;
        await new Promise<void>((resolve) => client.once('close', resolve));
        this.o.log.warn(`Lost connection to ${url}; reconnecting`);
      } catch (e) {
        if (!this.#stopped) this.o.log.debug(`Cannot reach ${url}: ${(e as Error).message}`);
      }
      this.#client = undefined;
      if (this.#stopped) return;
      await new Promise((r) => setTimeout(r, this.#backoffMs));
      this.#backoffMs = Math.min(this.#backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  async #session(client: PeerRpcClient): Promise<void> {
    this.#remotePeerId = await client.call<string>('system_localPeerId');
    const genesis = await client.call<string>('chain_getBlockHash', [0]);
    if (genesis !== this.o.node.chain.genesisHash) {
      client.close();
      throw new Error(`peer has genesis ${genesis}, ours is ${this.o.node.chain.genesisHash}`);
    }
    this.#client = client;
    const subs = new Map<string, 'head' | 'final'>();
    client.on('notification', (method, sub, result) => {
      if (method === 'chain_newHead' && subs.get(sub) === 'head') {
        this.#remoteBest = Number((result as HeaderJson).number);
        this.#kick();
      } else if (method === 'chain_finalizedHead' && subs.get(sub) === 'final') {
        this.#remoteFinalized = Number((result as HeaderJson).number);
        this.#kick();
      }
    });
    subs.set(await client.call<string>('chain_subscribeNewHeads'), 'head');
    subs.set(await client.call<string>('chain_subscribeFinalizedHeads'), 'final');
    await client.call('dinfra_peerSession', [this.o.node.peerIdForPeers ?? 'follower', 'FULL']).catch(() => undefined);
    this.o.log.info(`Following ${this.o.source} (peer ${this.#remotePeerId})`);
  }

  #kick(): void {
    this.#syncing = this.#syncing.then(() => this.#sync()).catch((e) => this.o.log.error(`sync failed: ${(e as Error).message}`));
  }

  async #sync(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const { chain, executive } = this.o.node;
    while (!this.#stopped && chain.best.block.header.number < this.#remoteBest) {
      const n = chain.best.block.header.number + 1;
      const hash = await client.call<string | null>('chain_getBlockHash', [n]);
      if (!hash) break;
      const signed = await client.call<{ block: { header: HeaderJson; extrinsics: string[] } } | null>('chain_getBlock', [hash]);
      if (!signed) break;
      const header = headerFromJson(signed.block.header);
      const block: Block = { header, extrinsics: signed.block.extrinsics.map((x) => hexToU8a(x)), hash: hashHeader(header) };
      if (block.hash !== hash) throw new Error(`block #${n}: header hashes to ${block.hash}, peer says ${hash}`);
      const record = importBlock(executive, chain.best, block);
      await this.o.node.persistImported(record);
      chain.append(record);
      this.o.node.onImported(record, block.extrinsics.map((x) => u8aToHex(blake2_256(x))));
    }
    this.o.node.finalize(Math.min(this.#remoteFinalized, chain.best.block.header.number));
  }

  /** Forwards a transaction to the authoring node; its errors come back unchanged. */
  async forward(bytes: Uint8Array): Promise<string> {
    const client = this.#client;
    if (!client) throw new RpcError(1000, 'Client error: not connected to the authoring node');
    try {
      return await client.call<string>('author_submitExtrinsic', [`0x${Buffer.from(bytes).toString('hex')}`]);
    } catch (e) {
      if (e instanceof RemoteRpcError) throw new RpcError(e.code, e.message, e.data);
      throw e;
    }
  }
}
