/**
 * Async jobs: poll `queryAsyncJobResult` with exponential backoff until the job succeeds
 * (jobstatus 1), fails (2: a typed error from `jobresult.errorcode`) or the timeout passes
 * (`CloudStackJobTimeoutError`; the job may still finish, so callers keep its id).
 */
import type { CloudStackClient } from './client.ts';
import { CloudStackJobTimeoutError, cloudStackErrorFrom } from './errors.ts';
import { sleep } from './sleep.ts';
import type { CsAsyncJob } from './types.ts';

export interface JobWaitOptions {
  readonly signal?: AbortSignal;
  /** Give up after this long (the job keeps running server-side). @default 600_000 */
  readonly timeoutMs?: number;
  /** First delay between polls (also waited before the first poll, no job is done at once). @default 500 */
  readonly initialDelayMs?: number;
  /** Poll at once (a job started by an earlier run). @default false */
  readonly pollNow?: boolean;
  /** Upper bound of the delay. @default 5_000 */
  readonly maxDelayMs?: number;
  /** Called after each poll that found the job pending (a heartbeat). */
  readonly onPending?: (job: CsAsyncJob, polls: number) => void;
  /** Clock (tests). @default Date.now */
  readonly now?: () => number;
}

export async function queryAsyncJobResult(client: CloudStackClient, jobId: string, signal?: AbortSignal): Promise<CsAsyncJob> {
  return client.call<CsAsyncJob>('queryAsyncJobResult', { jobid: jobId }, { signal });
}

/** Waits for `jobId` (started by `command`); returns the finished job (jobstatus 1). */
export async function waitForJob(client: CloudStackClient, jobId: string, command: string, opts: JobWaitOptions = {}): Promise<CsAsyncJob> {
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const deadline = now() + timeoutMs;
  let delay = opts.initialDelayMs ?? 500;
  if (!opts.pollNow) await sleep(delay, opts.signal);
  for (let polls = 1; ; polls++) {
    const job = await queryAsyncJobResult(client, jobId, opts.signal);
    if (job.jobstatus === 1) return job;
    if (job.jobstatus === 2) {
      const r = job.jobresult ?? {};
      throw cloudStackErrorFrom({
        command,
        jobId,
        errorCode: typeof r.errorcode === 'number' ? r.errorcode : (job.jobresultcode ?? 530),
        csErrorCode: typeof r.cserrorcode === 'number' ? r.cserrorcode : undefined,
        errorText: typeof r.errortext === 'string' ? r.errortext : 'async job failed',
      });
    }
    opts.onPending?.(job, polls);
    const left = deadline - now();
    if (left <= 0) throw new CloudStackJobTimeoutError(jobId, command, timeoutMs);
    await sleep(Math.min(delay, left), opts.signal);
    delay = Math.min(delay * 2, opts.maxDelayMs ?? 5_000);
  }
}
