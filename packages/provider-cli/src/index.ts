/**
 * `@dinfra/provider-cli`: the `dinfra` command-line tool for DINFRA providers and
 * subscribers, and the pieces it is built from for scripts that would rather call them.
 *
 * @example
 * import { connect, parseAmount, resolveDescriptor, chain } from '@dinfra/provider-cli';
 * const conn = await connect('ws://127.0.0.1:9944');
 * const deposit = parseAmount('10', conn.units); // 10 DIN in plancks
 * const [nodeType] = await chain.deploymentTypes(conn.api);
 * const { cid } = await resolveDescriptor('./node.json', nodeType!); // validated, CID as `ipfs add`
 * await conn.close();
 *
 * Or run the CLI in-process: `process.exitCode = await main(['market', '--json'])`.
 */
export { main } from './main.ts';
export { buildProgram, VERSION } from './program.ts';
export { parseAmount, formatAmount, AMOUNT_HELP } from './lib/amount.ts';
export type { TokenUnits, ParseAmountOptions } from './lib/amount.ts';
export { fileCid, rawCid, isCid, contentMatchesCid } from './lib/cid.ts';
export { connect, checkUrl, DEFAULT_URL } from './lib/connect.ts';
export type { Connection } from './lib/connect.ts';
export { resolveDescriptor, resolveDescriptorBytes, validateAgainst, schemaFor } from './lib/descriptor.ts';
export { chooseStore, ContentStoreError, DEFAULT_REPO } from './lib/content-store.ts';
export type { StoreChoice } from './lib/content-store.ts';
export type { ResolvedDescriptor, ResolveDescriptorOptions } from './lib/descriptor.ts';
export { builtinSchemas, schemaByCid } from './lib/schemas.ts';
export type { KnownSchema } from './lib/schemas.ts';
export { resolveSigner, pairFromSuri, pairFromKeystore, normalizeAddress, KEY_SCHEMES } from './lib/keys.ts';
export type { KeyScheme, KeySource } from './lib/keys.ts';
export { decodeDispatchError } from './lib/dispatch-error.ts';
export type { DispatchErrorLike } from './lib/dispatch-error.ts';
export { signAndSubmit, findEvent, WAIT_CHOICES } from './lib/tx.ts';
export type { WaitFor, Submitted, SubmitOptions } from './lib/tx.ts';
export * as chain from './lib/chain.ts';
export type * from '@dinfra/runtime-specs';
export {
  CliError,
  UsageError,
  AmountError,
  KeyError,
  ConnectionError,
  DescriptorError,
  NotFoundError,
  ChainRefusedError,
  OperationError,
  InterruptedError,
} from './lib/errors.ts';
