/** Open WebSocket connections, in total and per IP. */
export class ConnectionLimiter {
  readonly #perIp = new Map<string, number>();
  #total = 0;

  constructor(private readonly opts: { maxConnections: number; maxConnectionsPerIp: number }) {}

  /** Counts a new connection, or says why it is refused. */
  admit(ip: string): string | undefined {
    if (this.#total >= this.opts.maxConnections) return `too many connections: the gateway allows ${this.opts.maxConnections} (limits.maxConnections)`;
    const n = this.#perIp.get(ip) ?? 0;
    if (n >= this.opts.maxConnectionsPerIp) return `too many connections from ${ip}: ${this.opts.maxConnectionsPerIp} per IP (limits.maxConnectionsPerIp)`;
    this.#perIp.set(ip, n + 1);
    this.#total++;
    return undefined;
  }

  release(ip: string): void {
    const n = (this.#perIp.get(ip) ?? 1) - 1;
    if (n <= 0) this.#perIp.delete(ip);
    else this.#perIp.set(ip, n);
    this.#total--;
  }

  get total(): number {
    return this.#total;
  }
}
