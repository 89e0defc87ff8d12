/**
 * The emulated cloud: accounts, a fixed catalog (zone, templates, offerings, network), VMs,
 * async jobs, injectable faults and the counts tests assert on. Time only moves through
 * `advance()`, called before every request, so jobs finish when the clock says so.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, defaultCsCode } from './api-error.ts';
import type { Account, EmulatorCounts, Job, Vm } from './model.ts';

export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
}

export interface EmulatorOptions {
  /** Accounts; default: user `dinfra` (key `dinfra-api-key`) and admin `admin`. */
  readonly accounts?: readonly { name: string; apiKey: string; secretKey: string; admin?: boolean; maxVms?: number; mayExpunge?: boolean }[];
  /** How long an async job stays pending. @default 50 */
  jobDelayMs?: number;
  /** Per command (as on the wire), overriding jobDelayMs. */
  jobDelays?: Record<string, number>;
  /** `allow.user.expunge.recover.vm`: users may pass expunge=true (an account's own `mayExpunge` wins). @default false */
  allowUserExpunge?: boolean;
  /**
   * The global setting `vm.userdata.max.length`: the longest base64 user data. A GET request
   * never takes more than the default 32,768; a raised value (up to 1,048,576) needs POST.
   * @default 32768
   */
  userDataMaxLength?: number;
  /** Refuse a host name held by a VM not yet expunged (431), as a network domain does. @default true */
  uniqueNames?: boolean;
  /** Error code of the VM limit (ResourceAllocationException). @default 535 */
  limitErrorCode?: 532 | 535;
  /** When set, refuse `expires` further ahead than this (some deployments enforce a window). */
  maxExpiresAheadMs?: number;
  /** `default.page.size`: the largest pagesize. @default 500 */
  maxPageSize?: number;
  /** Give VMs a `publicip`. @default true */
  publicIps?: boolean;
  readonly now?: () => number;
}

export interface Fault {
  readonly code: number;
  readonly text?: string;
  /** `sync`: the call itself fails; `job`: the async job fails (deploy: the VM ends in Error). */
  readonly phase: 'sync' | 'job';
  remaining: number;
}

const DEFAULT_ACCOUNTS = [
  { name: 'dinfra', apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key', admin: false },
  { name: 'admin', apiKey: 'admin-api-key', secretKey: 'admin-secret-key', admin: true },
];

export class EmulatorState {
  readonly options: EmulatorOptions & { jobDelayMs: number; maxPageSize: number };
  readonly accounts = new Map<string, Account>();
  readonly zones: CatalogEntry[] = [{ id: randomUUID(), name: 'zone1' }];
  readonly templates: CatalogEntry[] = [{ id: randomUUID(), name: 'debian-12-cloudinit' }, { id: randomUUID(), name: 'ubuntu-24.04' }];
  readonly offerings: (CatalogEntry & { cpunumber: number; memory: number })[] = [
    { id: randomUUID(), name: 'small', cpunumber: 2, memory: 4096 },
    { id: randomUUID(), name: 'medium', cpunumber: 4, memory: 8192 },
    { id: randomUUID(), name: 'large', cpunumber: 8, memory: 32768 },
  ];
  readonly networks: CatalogEntry[] = [{ id: randomUUID(), name: 'dinfra-net' }];
  readonly securityGroups: CatalogEntry[] = [{ id: randomUUID(), name: 'default' }];
  readonly keyPairs = new Set(['dinfra-key']);
  readonly vms = new Map<string, Vm>();
  readonly jobs = new Map<string, Job>();
  readonly faults = new Map<string, Fault[]>();
  readonly calls = new Map<string, number>();
  refused401 = 0;
  vmsCreated = 0;
  vmsDestroyed = 0;
  vmsExpunged = 0;
  #ip = 10;

  constructor(options: EmulatorOptions = {}) {
    this.options = { ...options, jobDelayMs: options.jobDelayMs ?? 50, maxPageSize: options.maxPageSize ?? 500 };
    for (const a of options.accounts ?? DEFAULT_ACCOUNTS) this.accounts.set(a.apiKey, { admin: false, ...a });
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  accountByName(name: string): Account | undefined {
    return [...this.accounts.values()].find((a) => a.name === name);
  }

  /** Whether the account may destroy with expunge=true (admins; else its own setting, else the cloud's). */
  mayExpunge(account: Account): boolean {
    return account.admin || (account.mayExpunge ?? this.options.allowUserExpunge ?? false);
  }

  /** Finishes every job whose time has come (in creation order). */
  advance(): void {
    const t = this.now();
    for (const job of this.jobs.values()) {
      if (job.status !== 0 || job.doneAt > t) continue;
      try {
        job.result = job.finish();
        job.status = 1;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        job.error = err;
        job.status = 2;
      }
    }
  }

  /** Starts an async job of `command` that runs `finish` once its delay has passed. */
  startJob(command: string, init: Omit<Job, 'id' | 'created' | 'doneAt' | 'status'>): Job {
    const delay = this.options.jobDelays?.[command] ?? this.options.jobDelayMs;
    const job: Job = { ...init, id: randomUUID(), created: new Date(this.now()).toISOString(), doneAt: this.now() + delay, status: 0 };
    this.jobs.set(job.id, job);
    return job;
  }

  /** Lets every pending job finish now (after a test held them with a huge jobDelayMs). */
  releaseJobs(): void {
    const t = this.now();
    for (const job of this.jobs.values()) if (job.status === 0 && job.doneAt > t) job.doneAt = t;
  }

  /** Makes the next `count` calls of `command` fail with `code`. */
  failNext(command: string, fault: { code: number; count?: number; text?: string; phase?: 'sync' | 'job' }): void {
    const list = this.faults.get(command) ?? [];
    list.push({ code: fault.code, text: fault.text, phase: fault.phase ?? (fault.code === 533 || fault.code === 530 ? 'job' : 'sync'), remaining: fault.count ?? 1 });
    this.faults.set(command, list);
  }

  /** Takes one injected fault for `command` in `phase`, if any is left. */
  takeFault(command: string, phase: 'sync' | 'job'): ApiError | undefined {
    const f = this.faults.get(command)?.find((x) => x.phase === phase && x.remaining > 0);
    if (!f) return undefined;
    f.remaining--;
    return new ApiError(f.code, f.text ?? `injected fault ${f.code} for ${command}`, defaultCsCode(f.code));
  }

  nextIp(): { ip: string; publicIp?: string } {
    const n = this.#ip++;
    return { ip: `10.1.${(n >> 8) & 255}.${n & 255}`, publicIp: this.options.publicIps === false ? undefined : `203.0.113.${n % 250 + 1}` };
  }

  isLive(vm: Vm): boolean {
    return !vm.expunged && vm.state !== 'Destroyed' && vm.state !== 'Expunging';
  }

  countCall(command: string): void {
    this.calls.set(command, (this.calls.get(command) ?? 0) + 1);
  }

  counts(): EmulatorCounts {
    const live = [...this.vms.values()].filter((v) => this.isLive(v));
    const byName = new Map<string, number>();
    for (const v of live) byName.set(v.name, (byName.get(v.name) ?? 0) + 1);
    return {
      vmsCreated: this.vmsCreated,
      vmsDestroyed: this.vmsDestroyed,
      vmsExpunged: this.vmsExpunged,
      vmsLive: live.length,
      vmsInError: live.filter((v) => v.state === 'Error').length,
      duplicateNames: [...byName].filter(([, n]) => n > 1).map(([name]) => name),
      calls: Object.fromEntries(this.calls),
      refused401: this.refused401,
      jobsPending: [...this.jobs.values()].filter((j) => j.status === 0).length,
    };
  }
}
