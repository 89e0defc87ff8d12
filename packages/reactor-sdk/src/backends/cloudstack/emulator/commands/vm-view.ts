/** A VM as listVirtualMachines and job results show it. */
import type { Vm } from '../model.ts';
import type { EmulatorState } from '../state.ts';

export function vmView(state: EmulatorState, vm: Vm): Record<string, unknown> {
  const offering = state.offerings.find((o) => o.id === vm.serviceofferingid);
  return {
    id: vm.id,
    name: vm.name,
    displayname: vm.displayname,
    account: vm.account,
    domain: 'ROOT',
    state: vm.state,
    zoneid: vm.zoneid,
    zonename: state.zones.find((z) => z.id === vm.zoneid)?.name,
    templateid: vm.templateid,
    serviceofferingid: vm.serviceofferingid,
    serviceofferingname: offering?.name,
    cpunumber: offering?.cpunumber,
    memory: offering?.memory,
    created: vm.created,
    keypair: vm.keypair,
    ...(vm.publicip ? { publicip: vm.publicip } : {}),
    nic: vm.networkids.map((networkid, i) => ({ id: `${vm.id.slice(0, 24)}${String(i).padStart(12, '0')}`, networkid, ipaddress: vm.ipaddress, isdefault: i === 0 })),
    securitygroup: vm.securitygroupids.map((id) => ({ id, name: state.securityGroups.find((g) => g.id === id)?.name })),
    tags: vm.tags.map((t) => ({ ...t, resourcetype: 'UserVm', resourceid: vm.id, account: vm.account, domain: 'ROOT' })),
  };
}
