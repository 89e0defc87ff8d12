/** The emulator's data model (field names as CloudStack answers them). */
import type { ApiError } from './api-error.ts';

export type VmState = 'Starting' | 'Running' | 'Stopping' | 'Stopped' | 'Destroyed' | 'Expunging' | 'Error';

export interface Account {
  readonly name: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly admin: boolean;
  /** Max VMs (not destroyed) this account may hold; `undefined` = unlimited. */
  maxVms?: number;
  /**
   * Whether `destroyVirtualMachine expunge=true` is allowed (admins always may); `undefined`:
   * the cloud-wide `allow.user.expunge.recover.vm` (EmulatorOptions.allowUserExpunge).
   */
  mayExpunge?: boolean;
}

export interface Vm {
  readonly id: string;
  readonly name: string;
  displayname: string;
  readonly account: string;
  state: VmState;
  readonly zoneid: string;
  readonly templateid: string;
  readonly serviceofferingid: string;
  readonly networkids: readonly string[];
  readonly securitygroupids: readonly string[];
  readonly keypair?: string;
  readonly userdata?: string;
  readonly created: string;
  readonly ipaddress: string;
  readonly publicip?: string;
  tags: { key: string; value: string }[];
  /** Set once destroyed (counted once in vmsDestroyed). */
  destroyed: boolean;
  /** Set once expunged: the VM is gone from every list. */
  expunged: boolean;
}

export type JobStatus = 0 | 1 | 2;

export interface Job {
  readonly id: string;
  readonly account: string;
  readonly cmd: string;
  readonly instanceType: 'VirtualMachine' | 'None';
  readonly instanceId?: string;
  readonly created: string;
  /** Clock time at which the job finishes. */
  doneAt: number;
  status: JobStatus;
  /** What happens when the job finishes: returns the job result or throws an ApiError. */
  readonly finish: () => Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: ApiError;
}

/** Resources counted so tests can assert no leak and no duplicate. */
export interface EmulatorCounts {
  /** VMs ever created by deployVirtualMachine. */
  readonly vmsCreated: number;
  /** VMs that reached Destroyed or were expunged. */
  readonly vmsDestroyed: number;
  readonly vmsExpunged: number;
  /** VMs not Destroyed/Expunging/expunged (Error ones included). */
  readonly vmsLive: number;
  readonly vmsInError: number;
  /** Names held by more than one live VM. */
  readonly duplicateNames: readonly string[];
  /** HTTP requests per command (every request, also refused ones; `?` = no command). */
  readonly calls: Readonly<Record<string, number>>;
  readonly refused401: number;
  readonly jobsPending: number;
}
