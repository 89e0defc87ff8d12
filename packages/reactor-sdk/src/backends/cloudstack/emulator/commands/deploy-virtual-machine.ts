/**
 * deployVirtualMachine: checks parameters (431), the account's VM limit (535 or 532), user data
 * (base64, at most `vm.userdata.max.length` characters, 32,768 by default; more only when the
 * setting is raised and the request is a POST), creates the VM at once (state Starting, as the real
 * create phase does) and an async job that starts it (Running) or, on an injected 533/530,
 * leaves it in Error.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, CS_ERROR, invalidId, paramError } from '../api-error.ts';
import type { Vm } from '../model.ts';
import { param, uuidParam, type Handler } from './context.ts';
import { vmView } from './vm-view.ts';

const HOSTNAME = /^[a-zA-Z][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$|^[a-zA-Z]$/;
/** `vm.userdata.max.length`'s default, and the most a GET request carries whatever the setting. */
export const USERDATA_DEFAULT_MAX = 32_768;

export const deployVirtualMachine: Handler = (ctx) => {
  const { state, account, command } = ctx;
  const zoneid = uuidParam(ctx, 'zoneid', true)!;
  const serviceofferingid = uuidParam(ctx, 'serviceofferingid', true)!;
  const templateid = uuidParam(ctx, 'templateid', true)!;
  if (!state.zones.some((z) => z.id === zoneid)) throw invalidId(command, 'zoneid', zoneid);
  if (!state.offerings.some((o) => o.id === serviceofferingid)) throw invalidId(command, 'serviceofferingid', serviceofferingid);
  if (!state.templates.some((t) => t.id === templateid)) throw invalidId(command, 'templateid', templateid);
  const networkids = (param(ctx, 'networkids') ?? '').split(',').filter(Boolean);
  for (const id of networkids) if (!state.networks.some((n) => n.id === id)) throw invalidId(command, 'networkids', id);
  const securitygroupids = (param(ctx, 'securitygroupids') ?? '').split(',').filter(Boolean);
  for (const id of securitygroupids) if (!state.securityGroups.some((g) => g.id === id)) throw invalidId(command, 'securitygroupids', id);
  const keypair = param(ctx, 'keypair');
  if (keypair !== undefined && !state.keyPairs.has(keypair)) throw paramError(`A key pair with name '${keypair}' was not found.`);
  const name = param(ctx, 'name') ?? `VM-${randomUUID()}`;
  if (!HOSTNAME.test(name)) throw paramError(`Invalid name. Vm name can contain ASCII letters 'a' through 'z', the digits '0' through '9', and the hyphen ('-'), must be between 1 and 63 characters long, and can't start or end with "-" and can't start with digit`);
  const userdata = param(ctx, 'userdata');
  if (userdata !== undefined) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userdata) || userdata.length % 4 !== 0) throw paramError('User data is not base64 encoded');
    const setting = state.options.userDataMaxLength ?? USERDATA_DEFAULT_MAX;
    const max = ctx.method === 'GET' ? Math.min(setting, USERDATA_DEFAULT_MAX) : setting;
    if (userdata.length > max) throw paramError(`User data is too long for an http ${ctx.method} request: ${userdata.length} characters, vm.userdata.max.length allows ${max}`);
  }
  // As listDistinctHostNames: every VM not yet expunged (removed IS NULL) holds its host name, Destroyed ones too.
  if (state.options.uniqueNames !== false && [...state.vms.values()].some((v) => v.name === name && !v.expunged)) {
    throw paramError(`The vm with hostName ${name} already exists in the network domain: cs1cloud.internal; network=${networkids[0] ?? 'default'}`);
  }
  const live = [...state.vms.values()].filter((v) => v.account === account.name && state.isLive(v)).length;
  if (account.maxVms !== undefined && live >= account.maxVms) {
    throw new ApiError(state.options.limitErrorCode ?? 535, `Maximum number of resources of type 'user_vm' for account name=${account.name} in Domain Id=1 has been exceeded.`, CS_ERROR.resourceAllocation);
  }

  const { ip, publicIp } = state.nextIp();
  const vm: Vm = {
    id: randomUUID(), name, displayname: param(ctx, 'displayname') ?? name, account: account.name, state: 'Starting', zoneid, templateid, serviceofferingid,
    networkids: networkids.length ? networkids : [state.networks[0]!.id], securitygroupids, keypair, userdata,
    created: new Date(state.now()).toISOString().replace(/\.\d{3}Z$/, '+0000'), ipaddress: ip, publicip: publicIp, tags: [], destroyed: false, expunged: false,
  };
  state.vms.set(vm.id, vm);
  state.vmsCreated++;
  const jobFault = state.takeFault(command, 'job');
  const job = state.startJob(command, {
    account: account.name, cmd: 'org.apache.cloudstack.api.command.user.vm.DeployVMCmd', instanceType: 'VirtualMachine', instanceId: vm.id,
    finish: () => {
      if (vm.expunged || !state.isLive(vm)) throw new ApiError(530, `VM ${vm.name} was destroyed while starting`, CS_ERROR.cloudRuntime);
      if (jobFault) {
        vm.state = 'Error';
        throw jobFault;
      }
      vm.state = 'Running';
      return { virtualmachine: vmView(state, vm) };
    },
  });
  return { id: vm.id, jobid: job.id };
};
