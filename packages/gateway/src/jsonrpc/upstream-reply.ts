import type { JsonRpcErrorObject, JsonRpcId } from './types.ts';

/**
 * An upstream's answer kept as text: the gateway re-labels it with the client's id without
 * parsing the (possibly megabytes of) result. Substrate nodes and dinfra-node put `id` last.
 */
export class UpstreamReply {
  #parsed: { result?: unknown; error?: JsonRpcErrorObject } | undefined;

  private constructor(
    /** The upstream's message text. */
    readonly text: string,
    /** Index of `,"id":` in `text` (where the client's id goes), or -1 when it must be re-encoded. */
    readonly idAt: number,
    readonly isError: boolean,
  ) {}

  static fromText(text: string, idAt: number, isError: boolean): UpstreamReply {
    return new UpstreamReply(text, idAt, isError);
  }

  static fromObject(obj: { result?: unknown; error?: JsonRpcErrorObject }): UpstreamReply {
    const r = new UpstreamReply('', -1, obj.error !== undefined);
    r.#parsed = obj;
    return r;
  }

  get parsed(): { result?: unknown; error?: JsonRpcErrorObject } {
    this.#parsed ??= JSON.parse(this.text) as { result?: unknown; error?: JsonRpcErrorObject };
    return this.#parsed;
  }

  get result(): unknown {
    return this.parsed.result;
  }

  get error(): JsonRpcErrorObject | undefined {
    return this.isError ? this.parsed.error : undefined;
  }

  /** `result` is JSON null (an unknown block on a lagging node answers that way). */
  get isNull(): boolean {
    if (this.isError) return false;
    if (this.idAt >= 0) return this.text.startsWith('{"jsonrpc":"2.0","result":null,');
    return this.parsed.result === null || this.parsed.result === undefined;
  }

  /** The payload size in bytes (approximate for re-encoded replies). */
  get size(): number {
    return this.idAt >= 0 ? this.text.length : JSON.stringify(this.parsed).length;
  }

  /** The answer for the client, with the client's id. */
  forClient(id: JsonRpcId): string {
    if (this.idAt >= 0) return `${this.text.slice(0, this.idAt)},"id":${JSON.stringify(id)}}`;
    const p = this.parsed;
    return JSON.stringify(p.error !== undefined ? { jsonrpc: '2.0', error: p.error, id } : { jsonrpc: '2.0', result: p.result ?? null, id });
  }
}

const ID_AT_END = /,"id":(\d+)\}$/;

/** Classifies one upstream message: a reply to our numeric id (fast path), or something to parse. */
export function scanReply(text: string): { id: number; reply: UpstreamReply } | undefined {
  const isResult = text.startsWith('{"jsonrpc":"2.0","result":');
  const isError = !isResult && text.startsWith('{"jsonrpc":"2.0","error":');
  if (!isResult && !isError) return undefined;
  const tail = text.length > 40 ? text.slice(-40) : text;
  const m = ID_AT_END.exec(tail);
  if (!m) return undefined;
  return { id: Number(m[1]), reply: UpstreamReply.fromText(text, text.length - m[0].length, isError) };
}
