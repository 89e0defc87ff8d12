/**
 * listVirtualMachines: the caller's VMs (an admin's with listall=true: everyone's), filtered by
 * id, name (a LIKE %name% match, as the server's search does), zoneid, state and tags; a user
 * does not see Destroyed/Expunging VMs (allow.user.view.destroyed.vm is false by default).
 * Several `tags[i]` pairs match a VM carrying ANY of them: the server ORs one key-and-value
 * clause per pair (QueryManagerImpl), it does not AND them.
 */
import { boolParam, listAnswer, param, tagsParam, uuidParam, type Handler } from './context.ts';
import { vmView } from './vm-view.ts';

export const listVirtualMachines: Handler = (ctx) => {
  const { state, account } = ctx;
  const id = uuidParam(ctx, 'id');
  const name = param(ctx, 'name');
  const zoneid = uuidParam(ctx, 'zoneid');
  const wanted = param(ctx, 'state');
  const tags = tagsParam(ctx);
  const all = account.admin && boolParam(ctx, 'listall') === true;
  const vms = [...state.vms.values()].filter((vm) => {
    if (vm.expunged) return false;
    if (!all && vm.account !== account.name) return false;
    if (!account.admin && !state.isLive(vm)) return false;
    if (id !== undefined && vm.id !== id) return false;
    if (name !== undefined && !vm.name.includes(name)) return false;
    if (zoneid !== undefined && vm.zoneid !== zoneid) return false;
    if (wanted !== undefined && wanted.toLowerCase() !== 'present' && vm.state.toLowerCase() !== wanted.toLowerCase()) return false;
    if (wanted?.toLowerCase() === 'present' && !state.isLive(vm)) return false;
    return tags.length === 0 || tags.some((t) => vm.tags.some((v) => v.key === t.key && v.value === t.value));
  });
  return listAnswer(ctx, 'virtualmachine', vms.map((vm) => vmView(state, vm)));
};
