/** queryAsyncJobResult: jobstatus 0 pending, 1 success (jobresult), 2 failure (jobresultcode 530). */
import { invalidId } from '../api-error.ts';
import { uuidParam, type Handler } from './context.ts';

export const queryAsyncJobResult: Handler = (ctx) => {
  const id = uuidParam(ctx, 'jobid', true)!;
  const job = ctx.state.jobs.get(id);
  if (!job || (job.account !== ctx.account.name && !ctx.account.admin)) throw invalidId(ctx.command, 'jobid', id);
  const base = {
    accountid: job.account, cmd: job.cmd, created: job.created, jobid: job.id, jobinstancetype: job.instanceType,
    ...(job.instanceId ? { jobinstanceid: job.instanceId } : {}), jobprocstatus: 0, jobstatus: job.status,
  };
  if (job.status === 0) return { ...base, jobresultcode: 0 };
  if (job.status === 1) return { ...base, jobresultcode: 0, jobresulttype: 'object', jobresult: job.result, completed: new Date(job.doneAt).toISOString() };
  const err = job.error!;
  return {
    ...base, jobresultcode: 530, jobresulttype: 'object', completed: new Date(job.doneAt).toISOString(),
    jobresult: { errorcode: err.errorCode, ...(err.csErrorCode ? { cserrorcode: err.csErrorCode } : {}), errortext: err.errorText },
  };
};
