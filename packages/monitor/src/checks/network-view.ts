/**
 * The network's head per chain (genesis): the highest best block that reference endpoints (or,
 * without references, the watched endpoints themselves) reported recently.
 */
export class NetworkView {
  private readonly heads = new Map<string, Map<string, { best: number; at: number }>>();
  /** Genesis of the references (the chain the monitor is told about), first seen wins. */
  referenceGenesis: string | undefined;

  constructor(private readonly freshMs: number, private readonly hasReferences: boolean) {}

  report(source: string, genesis: string, best: number, at: number, isReference: boolean): void {
    if (this.hasReferences && !isReference) return;
    if (isReference) this.referenceGenesis ??= genesis;
    const m = this.heads.get(genesis) ?? new Map();
    m.set(source, { best, at });
    this.heads.set(genesis, m);
  }

  best(genesis: string | undefined, now: number): number | undefined {
    if (genesis === undefined) return undefined;
    let max: number | undefined;
    for (const h of this.heads.get(genesis)?.values() ?? []) if (now - h.at <= this.freshMs && (max === undefined || h.best > max)) max = h.best;
    return max;
  }
}
