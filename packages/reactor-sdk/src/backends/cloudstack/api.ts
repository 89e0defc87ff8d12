/**
 * The typed CloudStack commands the backend uses, named as on the wire. Async commands return
 * `{ jobid, id? }`; wait for them with `waitForJob`.
 */
import type { CallOptions, CloudStackClient } from './client.ts';
import type { CsAsyncAnswer, CsNetwork, CsServiceOffering, CsTemplate, CsVirtualMachine, CsZone } from './types.ts';

/** `tags[0].key=...&tags[0].value=...` parameters. */
export function tagParams(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  Object.entries(tags).forEach(([key, value], i) => {
    out[`tags[${i}].key`] = key;
    out[`tags[${i}].value`] = value;
  });
  return out;
}

export const listZones = (c: CloudStackClient, p: { id?: string; name?: string } = {}, o?: CallOptions) =>
  c.listAll<CsZone>('listZones', 'zone', p, o);

export const listTemplates = (c: CloudStackClient, p: { templatefilter?: string; id?: string; zoneid?: string; name?: string } = {}, o?: CallOptions) =>
  c.listAll<CsTemplate>('listTemplates', 'template', { templatefilter: 'executable', ...p }, o);

export const listServiceOfferings = (c: CloudStackClient, p: { id?: string; name?: string } = {}, o?: CallOptions) =>
  c.listAll<CsServiceOffering>('listServiceOfferings', 'serviceoffering', p, o);

export const listNetworks = (c: CloudStackClient, p: { id?: string; zoneid?: string } = {}, o?: CallOptions) =>
  c.listAll<CsNetwork>('listNetworks', 'network', p, o);

export interface ListVmParams {
  readonly id?: string;
  readonly name?: string;
  readonly zoneid?: string;
  /** Only VMs carrying all these tags. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly listall?: boolean;
}

export const listVirtualMachines = (c: CloudStackClient, p: ListVmParams = {}, o?: CallOptions) => {
  const { tags, ...rest } = p;
  return c.listAll<CsVirtualMachine>('listVirtualMachines', 'virtualmachine', { ...rest, ...tagParams(tags ?? {}) }, o);
};

export interface DeployVmParams {
  readonly zoneid: string;
  readonly templateid: string;
  readonly serviceofferingid: string;
  /** Host name and display name. */
  readonly name: string;
  readonly displayname?: string;
  readonly networkids?: readonly string[];
  readonly securitygroupids?: readonly string[];
  readonly keypair?: string;
  /** Raw user data; sent base64-encoded (up to 1 MB by POST). */
  readonly userdata?: string;
}

export const deployVirtualMachine = (c: CloudStackClient, p: DeployVmParams, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('deployVirtualMachine', {
    zoneid: p.zoneid,
    templateid: p.templateid,
    serviceofferingid: p.serviceofferingid,
    name: p.name,
    displayname: p.displayname ?? p.name,
    networkids: p.networkids?.length ? p.networkids.join(',') : undefined,
    securitygroupids: p.securitygroupids?.length ? p.securitygroupids.join(',') : undefined,
    keypair: p.keypair,
    userdata: p.userdata === undefined ? undefined : Buffer.from(p.userdata, 'utf8').toString('base64'),
  }, o);

export const createTags = (c: CloudStackClient, p: { resourceids: readonly string[]; resourcetype: string; tags: Readonly<Record<string, string>> }, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('createTags', { resourceids: p.resourceids.join(','), resourcetype: p.resourcetype, ...tagParams(p.tags) }, o);

export const destroyVirtualMachine = (c: CloudStackClient, p: { id: string; expunge?: boolean }, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('destroyVirtualMachine', { id: p.id, expunge: p.expunge }, o);

export const startVirtualMachine = (c: CloudStackClient, p: { id: string }, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('startVirtualMachine', p, o);

export const rebootVirtualMachine = (c: CloudStackClient, p: { id: string }, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('rebootVirtualMachine', p, o);

export const expungeVirtualMachine = (c: CloudStackClient, p: { id: string }, o?: CallOptions) =>
  c.call<CsAsyncAnswer>('expungeVirtualMachine', p, o);
