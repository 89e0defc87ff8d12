/**
 * The CloudStack HTTP transport: signed POST requests (signatureversion 3 with `expires`),
 * answers unwrapped from `<command>response`, errors turned into typed `CloudStackError`s,
 * and list calls paged with `page`/`pagesize`.
 */
import { inspect } from 'node:util';
import { cloudStackErrorFrom, CloudStackProtocolError } from './errors.ts';
import { formatExpires, javaUrlEncode, signParams } from './signing.ts';
import { sleep } from './sleep.ts';

export type CsParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface CloudStackClientOptions {
  /** API URL, e.g. `https://cloud.example.com/client/api`. */
  readonly endpoint: string;
  readonly apiKey: string;
  /** Never logged, never put in errors. */
  readonly secretKey: string;
  /** How far ahead `expires` is set. @default 300_000 (5 min) */
  readonly expiresInMs?: number;
  /** Timeout of one HTTP request. @default 30_000 */
  readonly requestTimeoutMs?: number;
  /** `pagesize` of list calls. @default 500 */
  readonly pageSize?: number;
  /** Retries of read-only calls (list*, queryAsyncJobResult) on network errors. @default 3 */
  readonly readRetries?: number;
  /** Called once per HTTP request sent (metrics). */
  readonly onCall?: (command: string) => void;
  /** Clock (tests). @default Date.now */
  readonly now?: () => number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

const READ_ONLY = /^(list|query|get)/;

export class CloudStackClient {
  readonly endpoint: string;
  readonly apiKey: string;
  readonly #secretKey: string;
  readonly #opts: Required<Omit<CloudStackClientOptions, 'onCall' | 'endpoint' | 'apiKey' | 'secretKey'>> & Pick<CloudStackClientOptions, 'onCall'>;

  constructor(options: CloudStackClientOptions) {
    this.endpoint = options.endpoint;
    this.apiKey = options.apiKey;
    this.#secretKey = options.secretKey;
    this.#opts = {
      expiresInMs: options.expiresInMs ?? 300_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      pageSize: options.pageSize ?? 500,
      readRetries: options.readRetries ?? 3,
      now: options.now ?? Date.now,
      onCall: options.onCall,
    };
  }

  /** The signed form body for `command` (exposed for tests and tools). */
  signedBody(command: string, params: CsParams = {}): string {
    const all: Record<string, string> = { command, response: 'json', apiKey: this.apiKey, signatureVersion: '3', expires: formatExpires(new Date(this.#opts.now() + this.#opts.expiresInMs)) };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) all[k] = String(v);
    all.signature = signParams(all, this.#secretKey);
    return Object.entries(all).map(([k, v]) => `${encodeURIComponent(k)}=${javaUrlEncode(v)}`).join('&');
  }

  /** Sends one command; returns the inside of `<command>response`. Throws typed errors. */
  async call<T = Record<string, unknown>>(command: string, params: CsParams = {}, opts: CallOptions = {}): Promise<T> {
    const retries = READ_ONLY.test(command) ? this.#opts.readRetries : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.#send(command, params, opts)) as T;
      } catch (err) {
        const transient = err instanceof CloudStackProtocolError || (err instanceof TypeError && !opts.signal?.aborted);
        if (!transient || attempt >= retries) throw err;
        await sleep(Math.min(200 * 2 ** attempt, 2000), opts.signal);
      }
    }
  }

  /** Every item of a list call, fetched page by page. `key` is the array's name (`virtualmachine`). */
  async listAll<T>(command: string, key: string, params: CsParams = {}, opts: CallOptions = {}): Promise<T[]> {
    const pageSize = this.#opts.pageSize;
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const res = await this.call<Record<string, unknown>>(command, { ...params, page, pagesize: pageSize }, opts);
      const items = (res[key] ?? []) as T[];
      if (!Array.isArray(items)) throw new CloudStackProtocolError(`${command}: "${key}" is not an array`);
      out.push(...items);
      const count = typeof res.count === 'number' ? res.count : undefined;
      if (items.length < pageSize || (count !== undefined && out.length >= count)) return out;
    }
  }

  async #send(command: string, params: CsParams, opts: CallOptions): Promise<unknown> {
    this.#opts.onCall?.(command);
    const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(this.#opts.requestTimeoutMs)]) : AbortSignal.timeout(this.#opts.requestTimeoutMs);
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: this.signedBody(command, params),
      signal,
    });
    const text = await res.text();
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (cause) {
      throw new CloudStackProtocolError(`${command}: HTTP ${res.status}, not JSON: ${text.slice(0, 120)}`, res.status, { cause });
    }
    const inner = unwrap(command, doc, res.status);
    const errorCode = typeof inner.errorcode === 'number' ? inner.errorcode : res.status === 200 ? undefined : res.status;
    if (errorCode !== undefined) {
      throw cloudStackErrorFrom({
        command,
        errorCode,
        csErrorCode: typeof inner.cserrorcode === 'number' ? inner.cserrorcode : undefined,
        errorText: typeof inner.errortext === 'string' ? inner.errortext : `HTTP ${res.status}`,
      });
    }
    return inner;
  }

  [inspect.custom](): string {
    return `CloudStackClient { endpoint: '${this.endpoint}', apiKey: '${this.apiKey}' }`;
  }

  toJSON(): Record<string, string> {
    return { endpoint: this.endpoint, apiKey: this.apiKey };
  }
}

function unwrap(command: string, doc: unknown, status: number): Record<string, unknown> {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const keys = Object.keys(doc);
    const key = keys.find((k) => k === `${command.toLowerCase()}response`) ?? (keys.length === 1 ? keys[0] : undefined);
    const inner = key === undefined ? undefined : (doc as Record<string, unknown>)[key];
    if (inner && typeof inner === 'object') return inner as Record<string, unknown>;
  }
  throw new CloudStackProtocolError(`${command}: HTTP ${status}, unexpected answer shape`, status);
}
