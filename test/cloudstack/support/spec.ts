// The deployment the crash tests make: a substrate-node of the built-in dinfra chain.
import { builtinCatalog, resourceName, resourceTags, type ChainCatalog, type DeploymentSpec } from '@dinfra/reactor-sdk';
import { PROVIDER } from './backend-run.ts';

export function spec(id: string): DeploymentSpec {
  const key = { provider: PROVIDER, id, generation: 1 };
  return { key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: '1' }, secrets: {} };
}

export const catalog = (): ChainCatalog => builtinCatalog();
