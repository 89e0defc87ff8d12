import { ConfigError } from '../errors.ts';

/** Pools from the command line, before they are merged over the config file's. */
export interface FlagPool {
  name: string;
  hosts?: string[];
  paths?: string[];
  upstreams?: string[];
}

const NAMED = /^([A-Za-z0-9][A-Za-z0-9_-]*)=(.*)$/;

/**
 * `--pool NAME=HOST[,HOST…]` (entries starting with `/` are path prefixes) and
 * `--upstream NAME=ws://…`; a bare `--upstream ws://…` belongs to the default pool.
 */
export function poolsFromFlags(poolFlags: string[] = [], upstreamFlags: string[] = []): { pools: FlagPool[]; upstreams: string[] } {
  const pools = new Map<string, FlagPool>();
  const get = (name: string) => pools.get(name) ?? pools.set(name, { name }).get(name)!;
  for (const flag of poolFlags) {
    const m = NAMED.exec(flag);
    if (!m) throw new ConfigError('--pool', `"${flag}" must be NAME=HOST[,HOST…] (e.g. polkadot=polkadot.example.com,/polkadot)`);
    const p = get(m[1]!);
    const items = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) throw new ConfigError('--pool', `"${flag}" names no host or path`);
    p.hosts = [...(p.hosts ?? []), ...items.filter((i) => !i.startsWith('/'))];
    p.paths = [...(p.paths ?? []), ...items.filter((i) => i.startsWith('/'))];
  }
  const bare: string[] = [];
  for (const flag of upstreamFlags) {
    const m = NAMED.exec(flag);
    if (!m) bare.push(flag);
    else {
      const p = get(m[1]!);
      p.upstreams = [...(p.upstreams ?? []), m[2]!];
    }
  }
  return { pools: [...pools.values()], upstreams: bare };
}

/** Flag pools over file pools, by name: what a flag gives replaces the file's value. */
export function mergePools(file: unknown, flags: FlagPool[] | undefined): unknown {
  if (!flags || flags.length === 0) return file;
  const list: Array<Record<string, unknown>> = Array.isArray(file) ? file.map((p) => ({ ...(p as Record<string, unknown>) })) : [];
  for (const f of flags) {
    const existing = list.find((p) => p.name === f.name);
    if (!existing && f.hosts === undefined) throw new ConfigError('--upstream', `pool "${f.name}" is not declared: add --pool ${f.name}=HOST (or a pools entry in the config file)`);
    const target = existing ?? list[list.push({ name: f.name }) - 1]!;
    if (f.hosts !== undefined) target.hosts = f.hosts;
    if (f.paths !== undefined) target.paths = f.paths;
    if (f.upstreams !== undefined) target.upstreams = f.upstreams;
  }
  return list;
}
