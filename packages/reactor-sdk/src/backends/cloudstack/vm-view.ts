/** CloudStack VMs as the reactor's `Resource`s: state, key from tags, endpoints. */
import type { Resource, ResourceState } from '../../backend.ts';
import { cloudInitEndpoints, parsePortsTag, PORTS_TAG } from '../../launch/endpoints.ts';
import { keyFromTags, resourceName } from '../../naming.ts';
import type { CloudStackConfig } from './config.ts';
import type { CsVirtualMachine, CsVmState } from './types.ts';

/** Tag holding the node's RPC port, so `list` can rebuild endpoints without the descriptor. */
export const PORT_TAG = 'dinfra:rpc-port';

export function tagsOf(vm: CsVirtualMachine): Record<string, string> {
  return Object.fromEntries((vm.tags ?? []).map((t) => [t.key, t.value]));
}

const STATES: Readonly<Record<CsVmState, ResourceState>> = {
  Starting: 'creating', Running: 'running', Migrating: 'running', Stopping: 'stopped', Stopped: 'stopped', Shutdowned: 'stopped',
  Error: 'failed', Destroyed: 'destroying', Expunging: 'destroying', Unknown: 'unknown',
};

export const stateOf = (vm: CsVirtualMachine): ResourceState => STATES[vm.state] ?? 'unknown';

/** Destroyed or expunging: gone as far as the reactor is concerned. */
export const isGone = (vm: CsVirtualMachine): boolean => vm.state === 'Destroyed' || vm.state === 'Expunging';

export function addressOf(vm: CsVirtualMachine, config: Pick<CloudStackConfig, 'address' | 'endpointHost'>): string | undefined {
  if (config.endpointHost) return config.endpointHost;
  const nic = vm.nic?.find((n) => n.isdefault) ?? vm.nic?.[0];
  return config.address === 'public-ip' ? (vm.publicip ?? nic?.ipaddress) : (nic?.ipaddress ?? vm.publicip);
}

/** `undefined` when the VM carries no complete DINFRA tag set (not ours, or not tagged yet). */
export function toResource(vm: CsVirtualMachine, config: Pick<CloudStackConfig, 'address' | 'endpointHost' | 'rpcPort'>): Resource | undefined {
  const tags = tagsOf(vm);
  const key = keyFromTags(tags);
  if (!key) return undefined;
  const host = addressOf(vm, config);
  const port = Number(tags[PORT_TAG] ?? config.rpcPort);
  const ports = tags[PORTS_TAG];
  // A cloud-init machine (dinfra:ports tag) has the endpoints its descriptor declared, once Running.
  const endpoints = !host ? []
    : ports !== undefined ? (vm.state === 'Running' ? cloudInitEndpoints(host, parsePortsTag(ports)) : [])
    : vm.state === 'Running' || vm.state === 'Starting' ? [`ws://${host.includes(':') ? `[${host}]` : host}:${port}`] : [];
  return {
    key,
    // The deployment's name; the VM's host name may carry an attempt suffix (`-r2`).
    name: resourceName(key),
    backendId: vm.id,
    state: stateOf(vm),
    endpoints,
    details: { cloudstackState: vm.state, vmName: vm.name, zoneid: vm.zoneid, created: vm.created, publicip: vm.publicip, serviceofferingid: vm.serviceofferingid },
  };
}
