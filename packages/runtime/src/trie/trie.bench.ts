/**
 * Trie benchmarks (not wired into any runner). Run e.g. with
 * `npx tsx -e "import('./packages/runtime/src/trie/trie.bench.ts').then(m => m.benchTrie()).then(console.log)"`.
 * Results are operations per second; 32-byte pseudo-random keys, 80-byte values, LayoutV1.
 * Note: `blake2AsU8a` uses WASM only after `cryptoWaitReady()`; the node should await it at startup.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { IncrementalTrie } from './incremental-trie.ts';
import { trieRoot } from './trie-root.ts';

function entries(n: number, seed = 1): [Uint8Array, Uint8Array][] {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
  const out: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < n; i++) {
    const key = new Uint8Array(32);
    const view = new DataView(key.buffer);
    for (let j = 0; j < 32; j += 4) view.setUint32(j, next());
    out.push([key, new Uint8Array(80).fill(i & 255)]);
  }
  return out;
}

/** Runs `fn` repeatedly for at least `minMs` (and `minRuns` times); returns ops/s. */
function opsPerSecond(fn: (i: number) => void, minMs: number, minRuns = 3): number {
  fn(-1); // warm-up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (runs < minRuns || elapsed < minMs) {
    fn(runs++);
    elapsed = performance.now() - start;
  }
  return (runs * 1000) / elapsed;
}

export async function benchTrie(): Promise<Record<string, number>> {
  await cryptoWaitReady(); // blake2 via WASM (about 2.5x faster than the JS fallback)
  const e10k = entries(10_000);
  const e100k = entries(100_000);
  const results: Record<string, number> = {};
  results['trieRoot 10k keys (ops/s)'] = opsPerSecond(() => void trieRoot(e10k), 1000);
  results['trieRoot 100k keys (ops/s)'] = opsPerSecond(() => void trieRoot(e100k), 2000);

  const trie = IncrementalTrie.fromEntries(e100k);
  trie.root();
  const keys = e100k.map(([k]) => k);
  results['IncrementalTrie set 100 + root, 100k keys (ops/s)'] = opsPerSecond((run) => {
    const v = new Uint8Array(80).fill((run + 7) & 255);
    for (let i = 0; i < 100; i++) trie.set(keys[((run + 1) * 7919 + i * 1009) % keys.length]!, v);
    trie.root();
  }, 1000, 20);

  const t0 = performance.now();
  const built = IncrementalTrie.fromEntries(e100k);
  built.root();
  results['IncrementalTrie build + first root, 100k keys (ops/s)'] = 1000 / (performance.now() - t0);
  return results;
}
