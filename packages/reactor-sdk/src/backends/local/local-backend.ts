import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, DeploymentSpec, Logger, OperationContext, Resource } from '../../backend.ts';
import type { ChainCatalog } from '../../launch/catalog.ts';
import type { MarketplaceChain } from '../../launch/plan-node.ts';
import { crashPoint } from '../../crash-point.ts';
import { keyFromTags } from '../../naming.ts';
import type { ProcessRecords } from '../../store/index.ts';
import { GATEWAY_BIN, planMembers } from './members.ts';
import { freePort } from './ports.ts';
import { prepareMember } from './prepare.ts';
import { isSameProcess, killGroup, processesWithEnv, type TaggedProcess } from './proc.ts';
import { ENV_MEMBER, ENV_OWNER, ENV_RESOURCE, ENV_TAGS, type LocalRecord, type MemberRecord } from './record.ts';
import { spawnMember } from './spawn.ts';
import { Supervisor } from './supervisor.ts';

export interface LocalBackendOptions {
  readonly records: ProcessRecords<LocalRecord>;
  /** Where deployments keep their base paths and logs (`<data-dir>/local`). */
  readonly dir: string;
  readonly catalog: ChainCatalog;
  /** The marketplace chain OGate reports (for chains that follow it). */
  readonly marketplace: () => MarketplaceChain | undefined;
  /** Host in the endpoints reported on chain. @default '127.0.0.1' */
  readonly publicHost?: string;
  /** Interface the processes listen on. @default '127.0.0.1' */
  readonly listenHost?: string;
  readonly log: Logger;
  /** `[binary, ...args]` of dinfra-gateway. @default node packages/gateway/bin/dinfra-gateway.mjs */
  readonly gateway?: readonly string[];
  readonly superviseIntervalMs?: number;
}

const alive = (m: MemberRecord): boolean => m.pid !== undefined && m.startTime !== undefined && isSameProcess(m.pid, m.startTime);

/** The embedded default backend: deployments are groups of real processes on this host. */
export class LocalBackend implements Backend {
  readonly name = 'local';
  readonly types = ['substrate-node', 'rpc-endpoint'] as const;
  readonly #supervisor: Supervisor;
  readonly #publicHost: string;
  readonly #listenHost: string;

  constructor(private readonly o: LocalBackendOptions) {
    this.#publicHost = o.publicHost ?? '127.0.0.1';
    this.#listenHost = o.listenHost ?? '127.0.0.1';
    this.#supervisor = new Supervisor({
      records: () => o.records.all(),
      restart: (rec, m) => this.#startMember(rec, m, new AbortController().signal),
      log: o.log.child({ name: 'local-supervisor' }),
      ...(o.superviseIntervalMs ? { intervalMs: o.superviseIntervalMs } : {}),
    });
    this.#adoptRunning();
    this.#supervisor.start();
  }

  /** Tagged processes this backend (its directory) started; never another reactor's. */
  #mine(): TaggedProcess[] {
    return processesWithEnv(ENV_RESOURCE).filter((p) => p.env[ENV_OWNER] === this.o.dir);
  }

  /** After a reactor restart: a member started but not yet recorded is found through its tags. */
  #adoptRunning(): void {
    const tagged = this.#mine().filter((p) => p.pid === p.pgid);
    for (const rec of this.o.records.all()) {
      let changed = false;
      for (const m of rec.members) {
        if (alive(m)) continue;
        const found = tagged.find((p) => p.env[ENV_RESOURCE] === rec.name && p.env[ENV_MEMBER] === m.member);
        if (found) {
          m.pid = found.pid;
          m.startTime = found.startTime;
          changed = true;
          this.o.log.info({ resource: rec.name, member: m.member, pid: found.pid }, 'adopted a running process');
        }
      }
      if (changed) this.o.records.put(rec.name, rec);
    }
  }

  #resource(rec: LocalRecord): Resource {
    const ep = rec.members.find((m) => m.member === rec.endpointMember)!;
    const allAlive = rec.members.every(alive);
    const state = rec.state === 'running' ? (allAlive ? 'running' : 'stopped') : rec.state;
    return {
      key: rec.key,
      name: rec.name,
      backendId: ep.pid !== undefined ? `${ep.pid}:${ep.startTime}` : rec.name,
      state,
      endpoints: [`ws://${this.#publicHost}:${ep.rpcPort}`],
      details: { dir: rec.dir, restarts: rec.restarts, members: rec.members.map((m) => ({ member: m.member, pid: m.pid, port: m.rpcPort, log: m.logFile })) },
    };
  }

  async #startMember(rec: LocalRecord, m: MemberRecord, signal: AbortSignal): Promise<void> {
    if (m.pid !== undefined) await killGroup(m.pid, m.startTime, 2000);
    await prepareMember(m, signal);
    const { pid, startTime } = spawnMember(rec.name, rec.tags, m, this.o.dir);
    crashPoint('after-spawn');
    m.pid = pid;
    m.startTime = startTime;
    this.o.records.put(rec.name, rec);
  }

  async create(spec: DeploymentSpec, ctx: OperationContext): Promise<Resource> {
    let rec = this.o.records.get(spec.name);
    if (rec?.state === 'destroying') throw new Error(`${spec.name} is being destroyed`);
    if (!rec) {
      ctx.progress('planning');
      const dir = join(this.o.dir, spec.name);
      const marketplace = this.o.marketplace();
      const { members, endpointMember } = await planMembers({
        spec, dir, catalog: this.o.catalog, ...(marketplace ? { marketplace } : {}), listenHost: this.#listenHost,
        port: () => freePort(this.#listenHost), gateway: this.o.gateway ?? [process.execPath, GATEWAY_BIN],
      });
      rec = { name: spec.name, key: spec.key, type: spec.type, tags: spec.tags, dir, endpointMember, members, state: 'creating', restarts: 0, createdAt: Date.now() };
      // The record is on disk before any process starts: a crash from here on leaks nothing.
      this.o.records.put(rec.name, rec);
      crashPoint('after-local-record');
    }
    this.#adoptRunning();
    rec = this.o.records.get(spec.name)!;
    for (const m of rec.members) {
      if (alive(m)) continue;
      ctx.progress('starting', { member: m.member });
      await this.#startMember(rec, m, ctx.signal);
      ctx.log.info({ member: m.member, pid: m.pid, port: m.rpcPort, log: m.logFile }, 'process started');
    }
    rec.state = 'running';
    this.o.records.put(rec.name, rec);
    return this.#resource(rec);
  }

  async destroy(resource: Resource, ctx: OperationContext): Promise<void> {
    const rec = this.o.records.get(resource.name);
    if (rec) {
      rec.state = 'destroying';
      this.o.records.put(rec.name, rec);
    }
    // Every tagged process of this resource, recorded or not.
    const groups = new Map<number, string | undefined>();
    for (const m of rec?.members ?? []) if (m.pid !== undefined) groups.set(m.pid, m.startTime);
    for (const p of this.#mine()) if (p.env[ENV_RESOURCE] === resource.name) groups.set(p.pgid, p.pid === p.pgid ? p.startTime : undefined);
    ctx.progress('stopping', { processes: groups.size });
    await Promise.all([...groups].map(([pgid, st]) => killGroup(pgid, st)));
    rmSync(rec?.dir ?? join(this.o.dir, resource.name), { recursive: true, force: true });
    this.o.records.delete(resource.name);
    this.#supervisor.reset(resource.name);
  }

  async list(): Promise<Resource[]> {
    const recs = this.o.records.all();
    const known = new Set(recs.map((r) => r.name));
    const out = recs.map((r) => this.#resource(r));
    // Tagged processes without a record (the store was lost): listed so the sweep can end them.
    const strays = new Map<string, TaggedProcess>();
    for (const p of this.#mine()) if (!known.has(p.env[ENV_RESOURCE]!)) strays.set(p.env[ENV_RESOURCE]!, p);
    for (const [name, p] of strays) {
      const key = keyFromTags(JSON.parse(p.env[ENV_TAGS] ?? '{}') as Record<string, string>);
      if (key) out.push({ key, name, backendId: `${p.pid}:${p.startTime}`, state: 'unknown', endpoints: [], details: { stray: true } });
    }
    return out;
  }

  async inspect(resource: Resource): Promise<Resource | undefined> {
    const rec = this.o.records.get(resource.name);
    return rec && this.#resource(rec);
  }

  async restart(resource: Resource, ctx: OperationContext): Promise<Resource> {
    const rec = this.o.records.get(resource.name);
    if (!rec) throw new Error(`${resource.name}: no such local deployment`);
    rec.restarts += 1;
    for (const m of rec.members) if (!alive(m) || m.member === rec.endpointMember || rec.members.length === 1) await this.#startMember(rec, m, ctx.signal);
    this.#supervisor.reset(rec.name);
    return this.#resource(rec);
  }

  /** Stops supervising; the processes keep running (the next reactor adopts them). */
  async close(): Promise<void> {
    this.#supervisor.stop();
  }
}
