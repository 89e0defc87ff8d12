/**
 * What a `cloud-init` deployment serves (runtime-specs/dinfra.md, "cloud-init deployments"):
 * the ports its descriptor declares, reported as `tcp://host:port` / `https://host:port`; no
 * port declared: one endpoint `host://<address>` (the machine, nothing promised to listen).
 * Cloud backends keep the declared ports in one tag so `list` can rebuild the endpoints
 * without the descriptor.
 */
import { createConnection } from 'node:net';

export type PortProtocol = 'tcp' | 'https';

export interface DeclaredPort {
  readonly port: number;
  readonly protocol: PortProtocol;
}

/** Tag holding a cloud-init deployment's declared ports (`tcp:8080,https:443`, or `none`). */
export const PORTS_TAG = 'dinfra:ports';

/** The descriptor's `ports` (already schema-checked by OGate; anything else is skipped). */
export function declaredPorts(descriptor: Readonly<Record<string, unknown>>): DeclaredPort[] {
  const ports = Array.isArray(descriptor.ports) ? descriptor.ports : [];
  return ports.flatMap((p: unknown) => {
    const o = (p ?? {}) as { port?: unknown; protocol?: unknown };
    const port = Number(o.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return [];
    return [{ port, protocol: o.protocol === 'https' ? 'https' : 'tcp' } as const];
  });
}

export const portsTagValue = (ports: readonly DeclaredPort[]): string => (ports.length ? ports.map((p) => `${p.protocol}:${p.port}`).join(',') : 'none');

export function parsePortsTag(value: string): DeclaredPort[] {
  if (value === 'none' || value === '') return [];
  return value.split(',').flatMap((s) => {
    const m = /^(tcp|https):(\d{1,5})$/.exec(s.trim());
    return m && Number(m[2]) <= 65535 ? [{ protocol: m[1] as PortProtocol, port: Number(m[2]) }] : [];
  });
}

/** The endpoints of a running cloud-init machine at `host`. */
export function cloudInitEndpoints(host: string, ports: readonly DeclaredPort[]): string[] {
  const h = host.includes(':') ? `[${host}]` : host;
  return ports.length ? ports.map((p) => `${p.protocol}://${h}:${p.port}`) : [`host://${h}`];
}

/** Whether a TCP connection to host:port opens within `timeoutMs`. Never throws. */
export function tcpOpen(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/**
 * The probe of a cloud-init deployment's endpoints: every `tcp://` / `https://` one must accept
 * a TCP connection (`host://` promises nothing). `undefined` when all do, else the reason.
 */
export async function probePorts(endpoints: readonly string[], timeoutMs = 3000): Promise<string | undefined> {
  const closed: string[] = [];
  await Promise.all(endpoints.map(async (ep) => {
    const m = /^(?:tcp|https):\/\/(\[[^\]]+\]|[^:/]+):(\d+)$/.exec(ep);
    if (!m) return;
    if (!(await tcpOpen(m[1]!.replace(/^\[|\]$/g, ''), Number(m[2]), timeoutMs))) closed.push(ep);
  }));
  return closed.length ? `${closed.sort().join(', ')}: no TCP connection` : undefined;
}
