/**
 * destroyVirtualMachine (expunge=true by an account that may not expunge is accepted, and then
 * the async job fails with 530 "Account does not have permission for expunging", as
 * UserVmManagerImpl does; the VM stays as it was), expungeVirtualMachine (admin),
 * startVirtualMachine, stopVirtualMachine, rebootVirtualMachine. All are async.
 */
import { ApiError, CS_ERROR, paramError } from '../api-error.ts';
import type { Vm, VmState } from '../model.ts';
import type { EmulatorState } from '../state.ts';
import { boolParam, ownVm, uuidParam, type CommandContext, type Handler } from './context.ts';
import { vmView } from './vm-view.ts';

function vmJob(ctx: CommandContext, vm: Vm, cmd: string, finish: () => void): Record<string, unknown> {
  const fault = ctx.state.takeFault(ctx.command, 'job');
  const job = ctx.state.startJob(ctx.command, {
    account: ctx.account.name, cmd: `org.apache.cloudstack.api.command.user.vm.${cmd}`, instanceType: 'VirtualMachine', instanceId: vm.id,
    finish: () => {
      if (fault) throw fault;
      finish();
      return { virtualmachine: vmView(ctx.state, vm) };
    },
  });
  return { jobid: job.id };
}

function markDestroyed(state: EmulatorState, vm: Vm, expunge: boolean): void {
  if (!vm.destroyed) state.vmsDestroyed++;
  vm.destroyed = true;
  vm.state = 'Destroyed';
  if (expunge && !vm.expunged) {
    vm.expunged = true;
    state.vmsExpunged++;
  }
}

export const destroyVirtualMachine: Handler = (ctx) => {
  const vm = ownVm(ctx, uuidParam(ctx, 'id', true)!);
  const expunge = boolParam(ctx, 'expunge') === true;
  const refused = expunge && !ctx.state.mayExpunge(ctx.account);
  const before: VmState = vm.state;
  if (!refused && ctx.state.isLive(vm)) vm.state = expunge ? 'Expunging' : 'Stopping';
  return vmJob(ctx, vm, 'DestroyVMCmd', () => {
    if (refused) {
      vm.state = before;
      throw new ApiError(530, 'Account does not have permission for expunging', CS_ERROR.cloudRuntime);
    }
    markDestroyed(ctx.state, vm, expunge);
  });
};

export const expungeVirtualMachine: Handler = (ctx) => {
  const vm = ownVm(ctx, uuidParam(ctx, 'id', true)!);
  if (!ctx.state.mayExpunge(ctx.account)) throw new ApiError(531, 'Parameter expunge can be passed by Admin only.', CS_ERROR.permissionDenied);
  if (ctx.state.isLive(vm)) throw paramError('Please specify a VM that is Destroyed');
  return vmJob(ctx, vm, 'ExpungeVMCmd', () => markDestroyed(ctx.state, vm, true));
};

function transition(from: readonly VmState[], during: VmState, to: VmState, cmd: string): Handler {
  return (ctx) => {
    const vm = ownVm(ctx, uuidParam(ctx, 'id', true)!);
    if (!from.includes(vm.state)) throw paramError(`VM ${vm.name} is in state ${vm.state}: ${ctx.command} needs ${from.join(' or ')}`);
    vm.state = during;
    return vmJob(ctx, vm, cmd, () => {
      if (ctx.state.isLive(vm)) vm.state = to;
    });
  };
}

export const startVirtualMachine = transition(['Stopped'], 'Starting', 'Running', 'StartVMCmd');
export const stopVirtualMachine = transition(['Running'], 'Stopping', 'Stopped', 'StopVMCmd');
export const rebootVirtualMachine = transition(['Running'], 'Running', 'Running', 'RebootVMCmd');
