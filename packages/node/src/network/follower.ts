import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { Logger } from 'pino';
import { ApiTypes, blake2_256, codecOf, decodeExact } from '@dinfra/runtime';
import { hashHeader, type Block, type Header } from '../chain/block.ts';
import { importBlocksChecked } from '../chain/execute-block.ts';
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

/** A block is finalized no sooner than this after its import (see #mirrorFinality). */
const FINALITY_AFTER_IMPORT_MS = 150;

/** Blocks fetched and imported together when catching up. */
const SYNC_CHUNK = 32;

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
  /** Recently imported blocks (number, time), oldest first, for #mirrorFinality. */
  readonly #imported: Array<[number, number]> = [];
  #finalityTimer: NodeJS.Timeout | undefined;

  constructor(readonly o: { source: string; node: FollowerHost & { localPeerId?: string }; log: Logger }) {}

  start(): void {
    void this.#connectLoop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#finalityTimer);
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
    // The subscriptions' first notifications (the current heads) can arrive before their ids
    // are known here and be dropped; on an idle chain no other head would ever come. Ask for
    // the current heads explicitly.
    const [best, finalizedHash] = await Promise.all([client.call<HeaderJson>('chain_getHeader'), client.call<string>('chain_getFinalizedHead')]);
    const finalized = await client.call<HeaderJson | null>('chain_getHeader', [finalizedHash]);
    this.#remoteBest = Math.max(this.#remoteBest, Number(best.number));
    if (finalized) this.#remoteFinalized = Math.max(this.#remoteFinalized, Number(finalized.number));
    this.#kick();
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
      // Fetch a run of blocks with pipelined requests, then import them with their signatures
      // checked on the verifier's workers ahead of execution.
      const from = chain.best.block.header.number + 1;
      const to = Math.min(this.#remoteBest, from + SYNC_CHUNK - 1);
      const fetched = await Promise.all(Array.from({ length: to - from + 1 }, (_, i) => this.#fetchBlock(client, from + i)));
      const end = fetched.indexOf(undefined);
      const blocks = (end < 0 ? fetched : fetched.slice(0, end)) as Block[];
      if (!blocks.length) break;
      await importBlocksChecked(executive, chain.best, blocks, {
        onRecord: async (record) => {
          await this.o.node.persistImported(record);
          chain.append(record);
          this.#imported.push([record.block.header.number, Date.now()]);
          this.o.node.onImported(record, record.block.extrinsics.map((x) => u8aToHex(blake2_256(x))));
        },
      });
      this.#mirrorFinality();
      if (end >= 0) break;
    }
    this.#mirrorFinality();
  }

  /**
   * Finalizes up to the peer's finalized block, but only blocks imported at least
   * FINALITY_AFTER_IMPORT_MS ago: a client watching a transaction must see InBlock before
   * Finalized (@polkadot/api drops InBlock when both come at once), even when this node lags
   * behind a finality it already knows.
   */
  #mirrorFinality(): void {
    const now = Date.now();
    const target = Math.min(this.#remoteFinalized, this.o.node.chain.best.block.header.number);
    while (this.#imported.length && this.#imported[0]![1] <= now - FINALITY_AFTER_IMPORT_MS) this.#imported.shift();
    const young = this.#imported[0]?.[0];
    this.o.node.finalize(young === undefined ? target : Math.min(target, young - 1));
    if (young !== undefined && young <= target && !this.#finalityTimer && !this.#stopped) {
      this.#finalityTimer = setTimeout(() => {
        this.#finalityTimer = undefined;
        this.#mirrorFinality();
      }, FINALITY_AFTER_IMPORT_MS);
    }
  }

  /** Block `n` of the peer's chain, its header hash checked; undefined if the peer has none. */
  async #fetchBlock(client: PeerRpcClient, n: number): Promise<Block | undefined> {
    const hash = await client.call<string | null>('chain_getBlockHash', [n]);
    if (!hash) return undefined;
    const signed = await client.call<{ block: { header: HeaderJson; extrinsics: string[] } } | null>('chain_getBlock', [hash]);
    if (!signed) return undefined;
    const header = headerFromJson(signed.block.header);
    const block: Block = { header, extrinsics: signed.block.extrinsics.map((x) => hexToU8a(x)), hash: hashHeader(header) };
    if (block.hash !== hash) throw new Error(`block #${n}: header hashes to ${block.hash}, peer says ${hash}`);
    return block;
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
