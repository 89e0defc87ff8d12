/**
 * `--backend aws`: deployments as EC2 instances (`@aws-sdk/client-ec2` v3), launched with a
 * deterministic ClientToken, tagged at launch, booted with cloud-init user data.
 * @module
 */
export { AWS_TYPES, AwsBackend, CHECKPOINT } from './aws-backend.ts';
export type { AwsBackendOptions } from './aws-backend.ts';
export { CLIENT_TOKEN_MAX, clientToken } from './client-token.ts';
export { countApiCalls, makeClients } from './clients.ts';
export type { ApiCallCounter, AwsClientOptions, AwsClients } from './clients.ts';
export { AwsConfigError, awsConfigSchema, parseAwsConfig } from './config.ts';
export type { AwsConfig, AwsConfigInput } from './config.ts';
export { AwsPermanentError, AwsRetryableError, mapAwsError } from './errors.ts';
export { AWS_TAG } from './instance-view.ts';
export { USER_DATA_MAX_BYTES, encodeUserData } from './user-data.ts';
