export { ClusterScaler } from './cluster-scaler.ts';
export type { ClusterScalerOptions, ScalingTarget } from './cluster-scaler.ts';
export { ScalingPolicy } from './scaling-policy.ts';
export type { PoolSample, ScalingAction, ScalingDecision, ScalingRules } from './scaling-policy.ts';
export { poolCounters, rateBetween } from './gateway-metrics.ts';
export type { PoolCounters } from './gateway-metrics.ts';
