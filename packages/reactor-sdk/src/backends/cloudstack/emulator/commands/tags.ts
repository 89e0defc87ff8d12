/**
 * createTags (async; resourcetype UserVm only here): every resource must exist (431), and a key
 * already on a resource makes the job fail (530, the database's unique key).
 */
import { ApiError, CS_ERROR, paramError } from '../api-error.ts';
import { ownVm, required, tagsParam, type Handler } from './context.ts';

export const createTags: Handler = (ctx) => {
  const type = required(ctx, 'resourcetype');
  if (type.toLowerCase() !== 'uservm') throw paramError(`Unable to execute API command createtags: resourcetype ${type} is not modelled by this emulator`);
  const ids = required(ctx, 'resourceids').split(',').filter(Boolean);
  const tags = tagsParam(ctx);
  if (tags.length === 0) throw paramError('Unable to execute API command createtags due to missing parameter tags');
  const vms = ids.map((id) => ownVm(ctx, id));
  const fault = ctx.state.takeFault(ctx.command, 'job');
  const job = ctx.state.startJob(ctx.command, {
    account: ctx.account.name, cmd: 'org.apache.cloudstack.api.command.user.tag.CreateTagsCmd', instanceType: 'None',
    finish: () => {
      if (fault) throw fault;
      for (const vm of vms) {
        const dup = tags.find((t) => vm.tags.some((v) => v.key === t.key));
        if (dup) throw new ApiError(530, `Entity already exists: tag ${dup.key} on ${vm.id}`, CS_ERROR.cloudRuntime);
      }
      for (const vm of vms) vm.tags.push(...tags.map((t) => ({ ...t })));
      return { success: true };
    },
  });
  return { jobid: job.id };
};
