import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'runtime-specs/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI has 2 cores; end-to-end files start their own node processes.
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
  },
});
