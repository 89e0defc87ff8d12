/**
 * Per-connection lookup of live objects (follow subscriptions, watched transactions, broadcasts):
 * plain methods such as `chainHead_v1_header` name them by an id that is only valid on the
 * connection that created it.
 */
export class ConnectionRegistry<T> {
  readonly #items = new Map<string, T>();

  static key(connectionId: number, id: string): string {
    return `${connectionId}:${id}`;
  }

  get(connectionId: number, id: string): T | undefined {
    return this.#items.get(ConnectionRegistry.key(connectionId, id));
  }

  set(connectionId: number, id: string, item: T): void {
    this.#items.set(ConnectionRegistry.key(connectionId, id), item);
  }

  delete(connectionId: number, id: string): boolean {
    return this.#items.delete(ConnectionRegistry.key(connectionId, id));
  }

  /** How many entries belong to `connectionId`. */
  countFor(connectionId: number): number {
    const prefix = `${connectionId}:`;
    let n = 0;
    for (const k of this.#items.keys()) if (k.startsWith(prefix)) n++;
    return n;
  }
}
