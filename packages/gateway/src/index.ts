/**
 * `@dinfra/gateway`: a Substrate-aware load-balancing JSON-RPC gateway in front of N nodes.
 *
 * @example
 * ```ts
 * import { Gateway, compileConfig } from '@dinfra/gateway';
 * const gw = Gateway.create(compileConfig({}, { upstreams: ['ws://127.0.0.1:9944'], listen: '127.0.0.1:0' }));
 * const { url } = await gw.start();
 * ```
 */
export { Gateway, parseListen } from './gateway.ts';
export { main } from './main.ts';
export { compileConfig, readConfigFile } from './config/load-config.ts';
export { configSchema } from './config/schema.ts';
export type { GatewayConfig, GatewayConfigInput } from './config/schema.ts';
export { DEFAULT_ALLOWED_METHODS } from './methods/allow-list.ts';
export { GatewayError, UpstreamClosedError, UpstreamTimeoutError, NoUpstreamError, MethodNotAllowedError, LimitExceededError, ConfigError } from './errors.ts';
export { UpstreamRpcError } from './upstream/upstream-client.ts';
export { headerHash } from './subscriptions/header-hash.ts';
export { judge } from './health/health-rules.ts';
export type { HealthRules, ClusterView } from './health/health-rules.ts';
export type { HealthSample, HealthVerdict } from './health/health-sample.ts';
