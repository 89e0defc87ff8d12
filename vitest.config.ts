import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'runtime-specs/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Stopping a file's nodes and sidecars takes longer on a loaded machine than the 10 s default.
    teardownTimeout: 60_000,
    pool: 'forks',
    // CI has 2 cores; end-to-end files start their own node processes.
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
    // Every process a test starts carries the run's and its file's marker in its environment;
    // what a file leaves running (a test or hook timed out) is killed after its afterAll hooks,
    // what a run leaves (a worker crashed or was cancelled) at the end of the run.
    globalSetup: ['test/support/sweep-global.ts'],
    setupFiles: ['test/support/sweep-file.ts'],
  },
});
