import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RpcMetricsHooks } from './rpc/server/index.ts';

/** The Prometheus metrics Substrate exposes that tools (zombienet, dashboards) read. */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly blockHeight = new Gauge({ name: 'substrate_block_height', help: 'Block height info of the chain', labelNames: ['status'], registers: [this.registry] });
  #sources: { peers(): number; readyTransactions(): number } | undefined;
  readonly peers = new Gauge({
    name: 'substrate_sub_libp2p_peers_count',
    help: 'Number of connected peers',
    registers: [this.registry],
    collect: () => {
      if (this.#sources) this.peers.set(this.#sources.peers());
    },
  });
  readonly readyTxs = new Gauge({
    name: 'substrate_ready_transactions_number',
    help: 'Number of transactions in the ready queue',
    registers: [this.registry],
    collect: () => {
      if (this.#sources) this.readyTxs.set(this.#sources.readyTransactions());
    },
  });
  readonly rpcStarted = new Counter({ name: 'substrate_rpc_calls_started', help: 'Number of received RPC calls', labelNames: ['protocol', 'method'], registers: [this.registry] });
  readonly rpcFinished = new Counter({ name: 'substrate_rpc_calls_finished', help: 'Number of processed RPC calls', labelNames: ['protocol', 'method', 'is_error'], registers: [this.registry] });
  readonly rpcTime = new Histogram({
    name: 'substrate_rpc_calls_time',
    help: 'Total time [μs] of processed RPC calls',
    labelNames: ['protocol', 'method'],
    buckets: [5, 25, 100, 500, 1000, 10_000, 100_000, 1_000_000, 10_000_000],
    registers: [this.registry],
  });

  constructor(info: { name: string; version: string; chain: string }) {
    new Gauge({ name: 'substrate_process_start_time_seconds', help: 'Number of seconds between the UNIX epoch and the moment the process started', registers: [this.registry] }).set(Math.floor(Date.now() / 1000));
    new Gauge({ name: 'substrate_build_info', help: 'A metric with a constant 1 value labeled by name, version', labelNames: ['name', 'version', 'chain'], registers: [this.registry] }).set(info, 1);
  }

  /** Gauges read at scrape time (peers come and go between blocks). */
  observe(sources: { peers(): number; readyTransactions(): number }): void {
    this.#sources = sources;
  }

  rpcHooks(): RpcMetricsHooks {
    return {
      onCallStarted: (method) => this.rpcStarted.inc({ protocol: 'ws', method }),
      onCallFinished: (method, seconds, isError) => {
        this.rpcFinished.inc({ protocol: 'ws', method, is_error: String(isError) });
        this.rpcTime.observe({ protocol: 'ws', method }, seconds * 1e6);
      },
    };
  }

  async serve(host: string, port: number): Promise<Server & { port: number }> {
    const server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end('Not found.');
        return;
      }
      void this.registry.metrics().then((text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const addr = server.address();
    return Object.assign(server, { port: typeof addr === 'object' && addr ? addr.port : port });
  }
}
