export { configFields, configSchema, type OGateConfig, type OGateConfigInput } from './schema.ts';
export { loadConfig, envName, type LoadConfigOptions } from './load.ts';
export { ConfigError } from './errors.ts';
