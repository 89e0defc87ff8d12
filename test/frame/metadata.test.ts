// The two DINFRA pallets in the FRAME runtime's metadata (frame/runtime built to Wasm, read
// through Chopsticks as any client reads it) equal those of the TypeScript runtime: names,
// indices, storage, calls, events, errors, constants, every type by structure, and docs. So
// typegen output, PAPI descriptors and the sidecars are the same for both implementations.
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { dinfraMetadata } from '@dinfra/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWasmSpec, httpRpc, startWasmChain, wasmRuntimeAvailable, type WasmChain } from '../support/wasm-chain.ts';
import { diffTrees, palletTree } from './pallet-metadata.ts';

const available = wasmRuntimeAvailable();
let chain: WasmChain | undefined;
let wasmV15: Uint8Array;

/** `Metadata_metadata_at_version(15)`: `Option<OpaqueMetadata>`, i.e. 0x01 ++ Compact(len) ++ bytes. */
function unwrapOpaque(hex: string): Uint8Array {
  const bytes = hexToU8a(hex);
  if (bytes[0] !== 1) throw new Error('the runtime has no V15 metadata');
  const [offset, len] = compactFromU8a(bytes.subarray(1));
  return bytes.subarray(1 + offset, 1 + offset + len.toNumber());
}

describe.skipIf(!available)('the FRAME runtime (Wasm, on Chopsticks) has the TypeScript runtime\'s pallet metadata', () => {
  beforeAll(async () => {
    buildWasmSpec();
    chain = await startWasmChain();
    wasmV15 = unwrapOpaque(await httpRpc<string>(chain.httpUrl, 'state_call', ['Metadata_metadata_at_version', u8aToHex(new Uint8Array([15, 0, 0, 0]))]));
  }, 50 * 60_000);
  afterAll(async () => {
    await chain?.stop();
  });

  it('serves metadata that @polkadot/types decodes (state_getMetadata, V14)', async () => {
    const v14 = await httpRpc<`0x${string}`>(chain!.httpUrl, 'state_getMetadata');
    expect(palletTree(v14, 'Providers')).toMatchObject({ index: 20 });
  });

  it.each(['Providers', 'Subscriptions'])('%s: names, indices, storage, calls, events, errors, constants, types and docs', (pallet) => {
    const ts = palletTree(dinfraMetadata(15), pallet);
    const wasm = palletTree(wasmV15, pallet);
    const diff = diffTrees(ts, wasm);
    expect(diff, `${pallet} differs (expected: TypeScript runtime, actual: FRAME runtime)`).toEqual([]);
  });
});
