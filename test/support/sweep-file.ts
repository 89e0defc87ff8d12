/**
 * vitest setup file: marks the test file's processes, and once the file's own afterAll hooks
 * have run (this hook is registered first, so it runs last) kills the ones still alive — also
 * when a test or a hook timed out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { FILE_MARKER, sweepMarked } from './sweep.ts';

const marker = randomUUID();
process.env[FILE_MARKER] = marker;

afterAll(async () => {
  // The file's own cleanup may still be on its way (a SIGTERM just sent): give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  const pids = sweepMarked(FILE_MARKER, marker);
  if (pids.length) console.warn(`killed ${pids.length} process(es) this test file left running: ${pids.join(', ')}`);
});
