/**
 * @dinfra/service: the one way a DINFRA service boots.
 *
 * @example
 * const readFields = addSchemaFlags(cmd, configSchema, { env: envName });
 * const { host, port } = parseHostPort(config.listen); // '[::1]:9000' -> { host: '::1', port: 9000 }
 * return untilSignal(() => service.stop(), { service: 'dinfra-ogate' });
 */
export { addSchemaFlags, kebab } from './schema-flags.ts';
export { addressUrl, formatHostPort, hostPortSchema, HostPortError, parseHostPort } from './host-port.ts';
export { untilSignal } from './signals.ts';
export { serviceBindings } from './logger-key.ts';
export { resolveFile } from './resolve-file.ts';
export type { SchemaFlagsOptions } from './schema-flags.ts';
export type { HostPort } from './host-port.ts';
export type { StopSignal, UntilSignalOptions } from './signals.ts';
export type { CallerMeta } from './resolve-file.ts';
