import { rawCidV1 } from './schema-cid.ts';

/**
 * The deployment types created at genesis, with their JSON Schemas (draft 2020-12). A
 * descriptor of a type is a JSON document that matches its schema. Fields named `secrets`
 * hold values encrypted to the provider's operator key.
 */
const region = { type: 'string', minLength: 1, maxLength: 32, description: 'Region the deployment must run in, as the offering lists it.' };
const chain = { type: 'string', minLength: 1, description: 'Chain name or chain spec id, e.g. "polkadot", "kusama", "westend".' };
const version = { type: 'string', minLength: 1, description: 'Node version (release tag), e.g. "v1.16.0".' };
const secrets = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Secret values, each encrypted to the operator key (base64).',
};

const schema = (id: string, title: string, properties: Record<string, unknown>, required: string[]) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `dinfra:${id}`,
  title,
  type: 'object',
  properties: { type: { const: id }, ...properties },
  required: ['type', ...required],
  additionalProperties: false,
});

export const BUILTIN_SCHEMAS: Record<string, object> = {
  'substrate-node': schema('substrate-node', 'A Substrate / Polkadot SDK node', {
    role: { enum: ['rpc', 'archive', 'validator', 'collator'] },
    chain,
    version,
    region,
    binary: { type: 'string', description: 'Node binary or image, default "polkadot".' },
    chainSpecUrl: { type: 'string', format: 'uri' },
    snapshotUrl: { type: 'string', format: 'uri', description: 'Fast-sync snapshot to restore before start.' },
    extraArgs: { type: 'array', items: { type: 'string' } },
    secrets,
  }, ['role', 'chain', 'version']),
  'rpc-endpoint': schema('rpc-endpoint', 'A load-balanced JSON-RPC endpoint: N nodes behind a gateway', {
    nodes: { type: 'integer', minimum: 1, maximum: 64 },
    chain,
    version,
    region,
    archive: { type: 'boolean', default: false },
    rateLimitPerSecond: { type: 'integer', minimum: 1 },
  }, ['nodes', 'chain', 'version']),
  'snapshot-source': schema('snapshot-source', 'An archive node that publishes fast-sync snapshots', {
    chain,
    version,
    region,
    intervalBlocks: { type: 'integer', minimum: 1, description: 'Blocks between snapshots.' },
    format: { enum: ['rocksdb', 'paritydb'] },
    publish: { enum: ['ipfs', 'http'], default: 'ipfs' },
  }, ['chain', 'version']),
  'cloud-init': schema('cloud-init', 'A machine booted with cloud-init user data', {
    userData: { type: 'string', description: 'cloud-init user data (#cloud-config ...).' },
    size: { type: 'string', description: 'Instance size class, e.g. "small", "medium", "large".' },
    region,
    image: { type: 'string' },
    ports: {
      type: 'array',
      maxItems: 8,
      items: {
        type: 'object',
        properties: {
          port: { type: 'integer', minimum: 1, maximum: 65535 },
          protocol: { enum: ['tcp', 'https'], default: 'tcp' },
        },
        required: ['port'],
        additionalProperties: false,
      },
      description: 'Ports the machine serves: reported as endpoints (tcp://host:port, https://host:port); Running once each accepts TCP connections.',
    },
    secrets,
  }, ['userData']),
};

export interface BuiltinType {
  id: number;
  name: string;
  /** The schema document exactly as stored in IPFS (UTF-8 JSON, 2-space indent, final newline). */
  schema: string;
  schemaCid: string;
}

/** Built-in types with ids 0..3, in this order. */
export const BUILTIN_TYPES: BuiltinType[] = Object.entries(BUILTIN_SCHEMAS).map(([name, doc], id) => {
  const text = JSON.stringify(doc, null, 2) + '\n';
  return { id, name, schema: text, schemaCid: rawCidV1(text) };
});
