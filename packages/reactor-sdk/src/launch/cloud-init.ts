import { stringify } from 'yaml';
import type { DeploymentSpec } from '../backend.ts';
import { LaunchPlanError } from './errors.ts';
import { chainSpecPath, snapshotMarker, type LaunchPlan } from './plan.ts';
import { renderUnit } from './systemd-unit.ts';

export interface CloudInitOptions {
  /** Account that runs the service, created by cloud-init. @default 'dinfra' */
  readonly user?: string;
  /** Debian packages to install first (e.g. the chain binary's dependencies). */
  readonly packages?: readonly string[];
  /** Commands (argv arrays) to run before the service starts, e.g. to install the binary. */
  readonly preCommands?: ReadonlyArray<readonly string[]>;
  readonly sshAuthorizedKeys?: readonly string[];
  /** Hostname of the machine. @default plan.name */
  readonly hostname?: string;
}

const sh = (script: string): string[] => ['sh', '-c', script];
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The plan as `#cloud-config` user data: a user, a systemd unit (and its environment file)
 * in write_files, and runcmd that prepares the base path (chain spec download, snapshot
 * restore once) and starts the unit. Valid for `cloud-init schema`.
 */
export function renderCloudInit(plan: LaunchPlan, opts: CloudInitOptions = {}): string {
  const user = opts.user ?? 'dinfra';
  const unitPath = `/etc/systemd/system/${plan.name}.service`;
  const envPath = `/etc/dinfra/${plan.name}.env`;
  const hasEnv = Object.keys(plan.env).length > 0;
  const files: Array<Record<string, string>> = [
    { path: unitPath, owner: 'root:root', permissions: '0644', content: renderUnit(plan, { user, ...(hasEnv ? { environmentFile: envPath } : {}) }) },
  ];
  if (hasEnv) {
    const content = Object.entries(plan.env).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n';
    files.push({ path: envPath, owner: 'root:root', permissions: '0600', content });
  }
  const runcmd: string[][] = [
    ...(opts.preCommands ?? []).map((c) => [...c]),
    ['mkdir', '-p', plan.basePath],
  ];
  if (plan.chainSpecUrl) runcmd.push(['curl', '-fsSL', '--retry', '5', '-o', chainSpecPath(plan), plan.chainSpecUrl]);
  if (plan.chainSpecRpc) {
    const http = plan.chainSpecRpc.replace(/^ws(s?):/, 'http$1:');
    const call = '{"jsonrpc":"2.0","id":1,"method":"sync_state_genSyncSpec","params":[true]}';
    runcmd.push(sh(`test -e ${q(chainSpecPath(plan))} || curl -fsSL --retry 5 -H 'content-type: application/json' -d ${q(call)} ${q(http)} | jq -e .result > ${q(chainSpecPath(plan))}`));
  }
  if (plan.snapshotUrl) {
    const marker = snapshotMarker(plan);
    runcmd.push(sh(`test -e ${q(marker)} || (curl -fsSL --retry 5 ${q(plan.snapshotUrl)} | tar -xa -C ${q(plan.basePath)} && touch ${q(marker)})`));
  }
  runcmd.push(['chown', '-R', `${user}:${user}`, plan.basePath], ['systemctl', 'daemon-reload'], ['systemctl', 'enable', '--now', `${plan.name}.service`]);
  const doc: Record<string, unknown> = {
    hostname: opts.hostname ?? plan.name,
    users: ['default', { name: user, system: true, shell: '/usr/sbin/nologin', ...(opts.sshAuthorizedKeys?.length ? { ssh_authorized_keys: [...opts.sshAuthorizedKeys] } : {}) }],
    ...(opts.packages?.length || plan.chainSpecUrl || plan.chainSpecRpc || plan.snapshotUrl
      ? { packages: [...new Set([...(opts.packages ?? []), ...(plan.chainSpecUrl || plan.chainSpecRpc || plan.snapshotUrl ? ['curl'] : []), ...(plan.chainSpecRpc ? ['jq'] : [])])] }
      : {}),
    write_files: files,
    runcmd,
  };
  return `#cloud-config\n${stringify(doc, { lineWidth: 0 })}`;
}

/**
 * The user data for a deployment: a `cloud-init` descriptor's own `userData` as given, or the
 * plan rendered by `renderCloudInit`.
 */
export function userDataFor(spec: Pick<DeploymentSpec, 'type' | 'descriptor'>, plan: LaunchPlan | undefined, opts?: CloudInitOptions): string {
  if (spec.type === 'cloud-init') {
    const ud = spec.descriptor.userData;
    if (typeof ud !== 'string' || ud.length === 0) throw new LaunchPlanError('descriptor.userData: a non-empty string is required', 'DESCRIPTOR_INVALID');
    return ud;
  }
  if (!plan) throw new LaunchPlanError(`deployment type "${spec.type}" needs a launch plan`, 'PLAN_MISSING');
  return renderCloudInit(plan, opts);
}
