/** What one JSON-RPC health probe of a node endpoint saw. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly reason?: string;
  readonly head?: number;
  readonly genesis?: string;
  readonly peers?: number;
  readonly isSyncing?: boolean;
}

export interface ProbeOptions {
  /** @default 5000 */
  readonly timeoutMs?: number;
  /** When known, the genesis hash the node must serve (else the first one seen is pinned by the caller). */
  readonly expectedGenesis?: string;
}

async function call<T>(url: string, method: string, params: unknown[], signal: AbortSignal): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }), signal });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status}`);
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** `ws://h:p` → `http://h:p` (Substrate nodes serve both on the RPC port). */
export const httpUrlOf = (endpoint: string): string => endpoint.replace(/^ws(s?):/, 'http$1:');

/**
 * The Substrate JSON-RPC health probe: `system_health`, `chain_getHeader`,
 * `chain_getBlockHash(0)` (the genesis must match). Never throws.
 */
export async function probeSubstrate(endpoint: string, o: ProbeOptions = {}): Promise<ProbeResult> {
  const url = httpUrlOf(endpoint);
  const signal = AbortSignal.timeout(o.timeoutMs ?? 5000);
  try {
    const [health, header, genesis] = await Promise.all([
      call<{ peers: number; isSyncing: boolean }>(url, 'system_health', [], signal),
      call<{ number: string }>(url, 'chain_getHeader', [], signal),
      call<string>(url, 'chain_getBlockHash', [0], signal),
    ]);
    const head = Number(header.number);
    const seen = { head, genesis, peers: health.peers, isSyncing: health.isSyncing };
    if (o.expectedGenesis && genesis !== o.expectedGenesis) return { ok: false, reason: `genesis ${genesis} is not the chain's ${o.expectedGenesis}`, ...seen };
    return { ok: true, ...seen };
  } catch (err) {
    return { ok: false, reason: `${endpoint}: ${(err as Error).message}` };
  }
}
