import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP relay to `127.0.0.1:target` that a test can cut (and restore on the same port). */
export class TcpProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  async start(port = 0): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.#server = server;
    this.port = (server.address() as { port: number }).port;
  }

  /** Refuses new connections and drops the open ones. */
  cut(): void {
    this.#server?.close();
    for (const s of this.#sockets) s.destroy();
  }
}
