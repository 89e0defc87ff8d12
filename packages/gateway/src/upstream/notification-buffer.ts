/**
 * Notifications for an upstream subscription id that nobody claimed yet. A subscription's first
 * notification can arrive in the same read as the reply that names its id, before the gateway
 * has registered the handler; it waits here (bounded, short-lived) until claimed.
 */
export class NotificationBuffer {
  readonly #held = new Map<string, { at: number; items: unknown[] }>();

  constructor(private readonly maxIds = 1024, private readonly maxAgeMs = 10_000) {}

  hold(subId: string, payload: unknown): void {
    const now = Date.now();
    let entry = this.#held.get(subId);
    if (!entry) {
      if (this.#held.size >= this.maxIds) this.#evict(now);
      entry = { at: now, items: [] };
      this.#held.set(subId, entry);
    }
    if (entry.items.length < 256) entry.items.push(payload);
  }

  take(subId: string): unknown[] {
    const entry = this.#held.get(subId);
    this.#held.delete(subId);
    return entry?.items ?? [];
  }

  clear(): void {
    this.#held.clear();
  }

  #evict(now: number): void {
    for (const [id, e] of this.#held) if (now - e.at > this.maxAgeMs || this.#held.size >= this.maxIds) this.#held.delete(id);
  }
}
