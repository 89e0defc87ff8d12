import { join } from 'node:path';
import { z } from 'zod';
import type { BackendFactory } from '../factory.ts';
import { LocalBackend } from './local-backend.ts';
import type { LocalRecord } from './record.ts';

export const localConfigSchema = z.object({
  listenHost: z.string().min(1).default('127.0.0.1').describe('Interface the deployed processes listen on'),
  gateway: z.array(z.string().min(1)).min(1).optional().describe('dinfra-gateway command ([binary, ...args]) for rpc-endpoint'),
  superviseIntervalMs: z.number().int().min(50).max(60_000).default(1000).describe('How often dead processes are looked for'),
}).strict();

export type LocalConfig = z.infer<typeof localConfigSchema>;

export const localBackendFactory: BackendFactory<LocalConfig> = {
  description: 'real processes on this host (the embedded default)',
  configSchema: localConfigSchema,
  create: (c, ctx) => new LocalBackend({
    records: ctx.store.processRecords<LocalRecord>(),
    dir: join(ctx.dataDir, 'local'),
    catalog: ctx.catalog,
    marketplace: ctx.marketplace,
    log: ctx.log.child({ name: 'local' }),
    listenHost: c.listenHost,
    superviseIntervalMs: c.superviseIntervalMs,
    ...(ctx.publicHost ? { publicHost: ctx.publicHost } : {}),
    ...(c.gateway ? { gateway: c.gateway } : {}),
  }),
};
