import type { Logger } from 'pino';
import { z } from 'zod';
import { createRpcServer, type RpcMethodTable, type RpcServer, type RpcSubscription } from '../rpc/server/index.ts';
import { parseParams } from '../rpc/params.ts';

export interface PeerInfo {
  peerId: string;
  roles: string;
  bestHash: string;
  bestNumber: number;
}

/**
 * The peer endpoint on `--listen-addr`: followers connect here (zombienet gives them this address
 * as a bootnode), open a `dinfra_peerSession` for as long as they are connected, and use the same
 * JSON-RPC methods as clients to fetch blocks and forward transactions.
 */
export class PeerServer {
  readonly #peers = new Map<string, PeerInfo>();
  #server?: RpcServer;

  /**
   * The peer-session subscription: a follower holds it open while connected. Served on the
   * peer endpoint and on the RPC port too (followers started with `--sync-from ws://<rpc>`).
   */
  readonly session: RpcSubscription;

  private constructor(logger: Logger) {
    this.session = {
      notification: 'dinfra_peerEvent',
      unsubscribe: ['dinfra_peerSessionEnd'],
      start: (params, sink) => {
        const [peerId, roles] = parseParams(params, z.string().min(1).max(128), z.string().max(32).nullish());
        this.#peers.set(`${sink.id}:${peerId}`, { peerId, roles: roles ?? 'FULL', bestHash: '0x', bestNumber: 0 });
        logger.info(`Peer connected: ${peerId}`);
        return () => {
          this.#peers.delete(`${sink.id}:${peerId}`);
          logger.info(`Peer disconnected: ${peerId}`);
        };
      },
    };
  }

  get port(): number {
    return this.#server!.port;
  }

  static async start(o: { host: string; port: number; methods: RpcMethodTable; logger: Logger }): Promise<PeerServer> {
    const peer = new PeerServer(o.logger);
    const methods: RpcMethodTable = { ...o.methods, dinfra_peerSession: peer.session };
    peer.#server = await createRpcServer({ host: o.host, port: o.port, methods, logger: o.logger, cors: 'all' });
    return peer;
  }

  peers(): PeerInfo[] {
    return [...this.#peers.values()];
  }

  async close(): Promise<void> {
    await this.#server?.close();
  }
}
