import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addSchemaFlags } from './index.ts';

const schema = z
  .object({
    url: z.string().describe('WebSocket RPC URL'),
    dataDir: z.string().describe('State directory'),
    batchWindowMs: z.number().int().default(200).describe('Coalescing window'),
    graceS: z.number().min(0).default(0).describe('Grace'),
    oldSuris: z.array(z.string()).default([]).describe('Earlier keys'),
    archive: z.boolean().optional().describe('Archive nodes'),
    password: z.string().optional(),
    tuning: z.object({ a: z.number() }).default({ a: 1 }),
  })
  .strict();

function parse(argv: string[]) {
  const cmd = new Command('svc').exitOverride();
  const fields = addSchemaFlags(cmd, schema, { flags: { graceS: '--grace <seconds>', oldSuris: '--old-suri <suri...>' }, omit: ['password'], env: (f) => (f === 'url' ? 'SVC_URL' : undefined) });
  cmd.parse(argv, { from: 'user' });
  return { cmd, fields: fields(cmd.opts()) };
}

describe('addSchemaFlags', () => {
  it('one flag per top-level field, help from the schema', () => {
    const help = parse([]).cmd.helpInformation();
    expect(help).toMatch(/--url <url>\s+WebSocket RPC URL \(env SVC_URL\)/);
    expect(help).toContain('--data-dir <dir>');
    expect(help).toMatch(/--batch-window-ms <n>\s+Coalescing window \(default 200\)/);
    expect(help).toContain('--grace <seconds>');
    expect(help).toContain('--old-suri <suri...>');
    expect(help).toMatch(/--archive\s+Archive nodes/);
    expect(help).not.toContain('--password');
    expect(help).not.toContain('--tuning');
  });

  it('gives back config fields; numbers parsed, other text left for zod to refuse', () => {
    const { fields } = parse(['--url', 'ws://x', '--batch-window-ms', '50', '--grace', 'soon', '--old-suri', '//A', '//B', '--archive']);
    expect(fields).toEqual({ url: 'ws://x', batchWindowMs: 50, graceS: 'soon', oldSuris: ['//A', '//B'], archive: true });
    const r = schema.safeParse(fields);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['dataDir', 'graceS']);
  });
});
