import { createServer, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface StandInOptions {
  /** 'ok': answers like a node; 'garbage': answers every request with bytes that are not JSON. */
  mode?: 'ok' | 'garbage' | 'wrong-shape';
  genesis?: string;
  /** Answer every call after this many ms. */
  delayMs?: number;
  /** A new head every this many ms (0: never). */
  blockTimeMs?: number;
  port?: number;
  /** The first best block (default 1). */
  best?: number;
}

const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const header = (n: number) => ({ parentHash: h(n + 1_000_000 - 1), number: `0x${n.toString(16)}`, stateRoot: h(7), extrinsicsRoot: h(8), digest: { logs: [] } });

/**
 * A stand-in JSON-RPC endpoint for tests and benches: the handful of methods the monitor calls,
 * with a head that advances on a timer; or one that misbehaves on purpose.
 */
export class StandInNode {
  best = 1;
  readonly server: Server;
  private readonly wss: WebSocketServer;
  private timer: NodeJS.Timeout | undefined;
  private readonly subs = new Map<WebSocket, Set<string>>();
  private nextSub = 1;

  private constructor(readonly o: Required<Omit<StandInOptions, 'port' | 'best'>>) {
    this.server = createServer();
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => {
      this.subs.set(ws, new Set());
      ws.on('close', () => this.subs.delete(ws));
      ws.on('message', (data) => {
        const reply = () => this.answer(ws, data.toString());
        if (this.o.delayMs > 0) setTimeout(reply, this.o.delayMs);
        else reply();
      });
    });
    if (o.blockTimeMs > 0) this.timer = setInterval(() => this.newHead(), o.blockTimeMs);
  }

  static async start(o: StandInOptions = {}): Promise<StandInNode & { url: string }> {
    const n = new StandInNode({ mode: o.mode ?? 'ok', genesis: o.genesis ?? h(0xd1), delayMs: o.delayMs ?? 0, blockTimeMs: o.blockTimeMs ?? 1000 });
    n.best = o.best ?? 1;
    await new Promise<void>((r) => n.server.listen(o.port ?? 0, '127.0.0.1', () => r()));
    const port = (n.server.address() as { port: number }).port;
    return Object.assign(n, { url: `ws://127.0.0.1:${port}` });
  }

  newHead(): void {
    this.best++;
    for (const [ws, ids] of this.subs) for (const id of ids) ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'chain_newHead', params: { subscription: id, result: header(this.best) } }));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private answer(ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (this.o.mode === 'garbage') return ws.send('<html>502 Bad Gateway</html>');
    let req: { id: unknown; method: string; params?: unknown[] };
    try {
      req = JSON.parse(text);
    } catch {
      return ws.send(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
    }
    const ok = (result: unknown) => ws.send(JSON.stringify({ jsonrpc: '2.0', id: req.id, result }));
    if (this.o.mode === 'wrong-shape') return ok({ surprise: true });
    switch (req.method) {
      case 'chain_getBlockHash':
        return ok(req.params?.[0] === 0 ? this.o.genesis : h(this.best));
      case 'system_health':
        return ok({ peers: 3, isSyncing: false, shouldHavePeers: true });
      case 'chain_getHeader':
        return ok(header(req.params?.[0] === h(this.best - 1) ? this.best - 1 : this.best));
      case 'chain_getFinalizedHead':
        return ok(h(this.best - 1));
      case 'state_getRuntimeVersion':
        return ok({ specName: 'stand-in', specVersion: 1 });
      case 'chain_subscribeNewHeads': {
        const id = `s${this.nextSub++}`;
        this.subs.get(ws)?.add(id);
        return ok(id);
      }
      default:
        return ws.send(JSON.stringify({ jsonrpc: '2.0', id: req.id, error: { code: -32601, message: 'Method not found' } }));
    }
  }
}
