/**
 * vitest global setup: marks the run in the environment the workers (and every process they
 * start) inherit, and at the end kills whatever still carries the mark — processes left by a
 * worker that timed out, crashed or was cancelled.
 */
import { randomUUID } from 'node:crypto';
import { RUN_MARKER, sweepMarked } from './sweep.ts';

export default function setup(): () => void {
  const marker = randomUUID();
  process.env[RUN_MARKER] = marker;
  return () => {
    const pids = sweepMarked(RUN_MARKER, marker, { exceptChildren: true }); // the workers are the runner's own
    if (pids.length) process.stderr.write(`test run: killed ${pids.length} process(es) left running: ${pids.join(', ')}\n`);
  };
}
