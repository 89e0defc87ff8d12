import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';

let safe: RunningNode;

beforeAll(async () => {
  safe = await startNode(['--dev', '--rpc-methods', 'safe']);
});

afterAll(async () => {
  await safe?.kill();
});

describe('--rpc-methods safe', () => {
  it('denies unsafe methods with Substrate\'s error and serves the safe ones', async () => {
    for (const method of ['dev_newBlock', 'system_peers', 'state_getPairs']) {
      await expect(rpc(safe, method, method === 'state_getPairs' ? ['0x'] : [])).rejects.toMatchObject({
        code: -32601,
        message: 'RPC call is unsafe to be called externally',
      });
    }
    expect(await rpc(safe, 'system_chain')).toBe('Development');
    const methods = await rpc<{ methods: string[] }>(safe, 'rpc_methods');
    expect(methods.methods).toContain('author_submitExtrinsic');
  });
});
