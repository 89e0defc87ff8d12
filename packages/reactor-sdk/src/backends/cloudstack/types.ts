/** The parts of CloudStack's API objects this client reads (field names as on the wire). */

export interface CsTag {
  readonly key: string;
  readonly value: string;
  readonly resourcetype?: string;
  readonly resourceid?: string;
}

/** VM states as CloudStack reports them. */
export type CsVmState = 'Starting' | 'Running' | 'Stopping' | 'Stopped' | 'Destroyed' | 'Expunging' | 'Migrating' | 'Error' | 'Unknown' | 'Shutdowned';

export interface CsNic {
  readonly id: string;
  readonly networkid: string;
  readonly ipaddress?: string;
  readonly ip6address?: string;
  readonly isdefault?: boolean;
}

export interface CsVirtualMachine {
  readonly id: string;
  readonly name: string;
  readonly displayname?: string;
  readonly state: CsVmState;
  readonly zoneid: string;
  readonly templateid?: string;
  readonly serviceofferingid?: string;
  readonly created?: string;
  readonly publicip?: string;
  readonly nic?: readonly CsNic[];
  readonly tags?: readonly CsTag[];
}

export interface CsZone {
  readonly id: string;
  readonly name: string;
  readonly allocationstate?: string;
  readonly networktype?: string;
}

export interface CsTemplate {
  readonly id: string;
  readonly name: string;
  readonly zoneid?: string;
  readonly isready?: boolean;
}

export interface CsServiceOffering {
  readonly id: string;
  readonly name: string;
  readonly cpunumber?: number;
  readonly memory?: number;
}

export interface CsNetwork {
  readonly id: string;
  readonly name: string;
  readonly zoneid?: string;
}

/** What an async command answers at once. */
export interface CsAsyncAnswer {
  readonly jobid: string;
  /** The object's id (deployVirtualMachine: the new VM's id). */
  readonly id?: string;
}

/** `queryAsyncJobResult`: 0 pending, 1 success, 2 failure. */
export interface CsAsyncJob {
  readonly jobid: string;
  readonly jobstatus: 0 | 1 | 2;
  readonly jobresultcode?: number;
  readonly jobinstancetype?: string;
  readonly jobinstanceid?: string;
  readonly cmd?: string;
  readonly jobresult?: {
    readonly virtualmachine?: CsVirtualMachine;
    readonly success?: boolean;
    readonly errorcode?: number;
    readonly cserrorcode?: number;
    readonly errortext?: string;
    readonly [k: string]: unknown;
  };
}
