import type { Command } from 'commander';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { z } from 'zod';
import { formatAmount, parseAmount, type TokenUnits } from './lib/amount.ts';
import * as chain from './lib/chain.ts';
import type { DeploymentType } from '@dinfra/runtime-specs';
import { connect, DEFAULT_URL, type Connection } from './lib/connect.ts';
import { NotFoundError, UsageError } from './lib/errors.ts';
import { KEY_SCHEMES, normalizeAddress, resolveSigner, type KeyScheme } from './lib/keys.ts';
import { createOutput, type Output } from './lib/output.ts';
import { createProgress, type Progress } from './lib/progress.ts';
import { signAndSubmit, WAIT_CHOICES, type Submitted, type WaitFor } from './lib/tx.ts';

/** The options every command takes (flags, with DINFRA_* environment fallbacks). */
export const GlobalOptions = z.object({
  url: z.string().default(DEFAULT_URL),
  json: z.boolean().default(false),
  suri: z.string().optional(),
  keystore: z.string().optional(),
  keyType: z.enum(KEY_SCHEMES as [KeyScheme, ...KeyScheme[]]).default('sr25519'),
  wait: z.enum(WAIT_CHOICES as [WaitFor, ...WaitFor[]]).default('finalized'),
  planck: z.boolean().default(false),
  timeout: z.coerce.number().positive().default(10),
});
export type GlobalOptions = z.infer<typeof GlobalOptions>;

/** Parses a command's options with a zod schema; a failure names the flag (exit 2). */
export function parseOptions<S extends z.ZodTypeAny>(schema: S, opts: unknown): z.infer<S> {
  const r = schema.safeParse(opts);
  if (r.success) return r.data as z.infer<S>;
  const issue = r.error.issues[0]!;
  const flag = issue.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` : 'options';
  throw new UsageError(`${flag}: ${issue.message}`);
}

/** What a command runs with: options, output, the node connection (lazy), the signer, Ctrl-C. */
export class Context {
  readonly out: Output;
  readonly progress: Progress;
  #conn: Promise<Connection> | undefined;
  #units: TokenUnits | undefined;

  constructor(
    readonly opts: GlobalOptions,
    readonly signal: AbortSignal,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.out = createOutput(opts.json);
    this.progress = createProgress(process.stderr);
  }

  static fromCommand(cmd: Command, signal: AbortSignal): Context {
    return new Context(parseOptions(GlobalOptions, cmd.optsWithGlobals()), signal);
  }

  /** Connects on first use. */
  connection(): Promise<Connection> {
    this.#conn ??= connect(this.opts.url, this.opts.timeout * 1000).then((c) => {
      this.#units = c.units;
      return c;
    });
    return this.#conn;
  }

  async api() {
    return (await this.connection()).api;
  }

  /** The signing key; throws KeyError (exit 2) when none is configured. Never printed. */
  async signer(): Promise<KeyringPair> {
    const conn = this.#conn ? await this.#conn : undefined;
    return resolveSigner({ suri: this.opts.suri, keystore: this.opts.keystore, scheme: this.opts.keyType, env: this.env }, conn?.ss58 ?? 42);
  }

  async amount(text: string, what: string): Promise<bigint> {
    return parseAmount(text, (await this.connection()).units, { planck: this.opts.planck, what });
  }

  /** `1.5 DIN` (after connecting: the chain's symbol and decimals). */
  fmt(planck: bigint): string {
    if (!this.#units) throw new Error('fmt() before connecting');
    return formatAmount(planck, this.#units);
  }

  /** A deployment type by name or id; NotFoundError lists the known ones. */
  async deploymentType(nameOrId: string): Promise<DeploymentType> {
    const types = await chain.deploymentTypes(await this.api());
    const t = types.find((x) => x.name === nameOrId) ?? (/^\d+$/.test(nameOrId) ? types.find((x) => x.id === Number(nameOrId)) : undefined);
    if (!t) throw new NotFoundError(`unknown deployment type "${nameOrId}" (known: ${types.map((x) => x.name).join(', ') || 'none'}; see \`dinfra type list\`)`);
    return t;
  }

  /** An account from an SS58 / hex address. */
  async account(text: string, what: string): Promise<string> {
    const a = await normalizeAddress(text, (await this.connection()).ss58);
    if (!a) throw new UsageError(`${what} "${text}" is not an account address (SS58 or 0x-hex public key)`);
    return a;
  }

  /** A provider by registered name or address; NotFoundError when none is registered so. */
  async provider(nameOrAddress: string, what = 'provider'): Promise<string> {
    const api = await this.api();
    const byName = await chain.providerByName(api, nameOrAddress);
    if (byName) return byName;
    const addr = await normalizeAddress(nameOrAddress, (await this.connection()).ss58);
    if (addr && (await chain.provider(api, addr))) return addr;
    throw new NotFoundError(`${what} "${nameOrAddress}" is not a registered provider (name or address; see \`dinfra market\`)`);
  }

  /** Signs and submits with progress, waiting as `--wait` says (`running` waits for finalized here). */
  async submit(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair, label: string): Promise<Submitted> {
    const api = await this.api();
    try {
      return await signAndSubmit(api, tx, signer, { wait: this.opts.wait, progress: this.progress, signal: this.signal, label });
    } finally {
      this.progress.done();
    }
  }

  async close(): Promise<void> {
    this.progress.done();
    if (this.#conn) await (await this.#conn.catch(() => undefined))?.close().catch(() => undefined);
  }
}
