/** The handler table: command name (as on the wire) -> handler. */
import { listNetworks, listServiceOfferings, listTemplates, listZones } from './catalog.ts';
import type { Handler } from './context.ts';
import { deployVirtualMachine } from './deploy-virtual-machine.ts';
import { listVirtualMachines } from './list-virtual-machines.ts';
import { queryAsyncJobResult } from './query-async-job-result.ts';
import { createTags } from './tags.ts';
import { destroyVirtualMachine, expungeVirtualMachine, rebootVirtualMachine, startVirtualMachine, stopVirtualMachine } from './vm-actions.ts';

export const HANDLERS: Readonly<Record<string, Handler>> = {
  listZones, listTemplates, listServiceOfferings, listNetworks,
  deployVirtualMachine, listVirtualMachines, destroyVirtualMachine, expungeVirtualMachine,
  startVirtualMachine, stopVirtualMachine, rebootVirtualMachine,
  createTags, queryAsyncJobResult,
};

/**
 * Real CloudStack commands this emulator does not model: they pass the signature check (the
 * server knows them) and then answer 432. A name that is no CloudStack command at all fails
 * the check with 401, as `ApiServer.verifyRequest` does.
 */
export const UNMODELLED = new Set([
  'listAccounts', 'listCapabilities', 'listTags', 'deleteTags', 'listSecurityGroups', 'listSSHKeyPairs', 'recoverVirtualMachine',
  'updateVirtualMachine', 'scaleVirtualMachine', 'resetPasswordForVirtualMachine', 'listVolumes', 'listPublicIpAddresses',
  'associateIpAddress', 'enableStaticNat', 'listAsyncJobs', 'listEvents',
]);

export type { CommandContext, Handler } from './context.ts';
