import { join } from 'node:path';
import type { DeploymentSpec } from '../../backend.ts';
import type { ChainCatalog } from '../../launch/catalog.ts';
import { toCommand } from '../../launch/command.ts';
import { LaunchPlanError } from '../../launch/errors.ts';
import { peerBin } from '../../launch/peer-bin.ts';
import { chainSpecPath, type LaunchPlan } from '../../launch/plan.ts';
import { planNode, type MarketplaceChain } from '../../launch/plan-node.ts';
import type { MemberRecord } from './record.ts';

export const GATEWAY_BIN = peerBin('@dinfra/gateway/bin');

export interface MemberPlanInput {
  readonly spec: DeploymentSpec;
  readonly dir: string;
  readonly catalog: ChainCatalog;
  readonly marketplace?: MarketplaceChain;
  readonly listenHost: string;
  /** Allocates one free port. */
  readonly port: () => Promise<number>;
  /** `[binary, ...args]` of the gateway for rpc-endpoint deployments. */
  readonly gateway: readonly string[];
}

function member(name: string, dir: string, plan: LaunchPlan): MemberRecord {
  return {
    member: name,
    command: toCommand(plan),
    logFile: join(dir, `${name}.log`),
    rpcPort: plan.ports.rpc,
    basePath: plan.basePath,
    ...(plan.chainSpecUrl ? { chainSpecUrl: plan.chainSpecUrl, chainSpecPath: chainSpecPath(plan) } : {}),
    ...(plan.chainSpecRpc ? { chainSpecRpc: plan.chainSpecRpc, chainSpecPath: chainSpecPath(plan) } : {}),
    ...(plan.snapshotUrl ? { snapshotUrl: plan.snapshotUrl } : {}),
  };
}

async function nodeMember(i: MemberPlanInput, name: string, descriptor: Record<string, unknown>): Promise<MemberRecord> {
  const ports = { rpc: await i.port(), p2p: await i.port(), prometheus: await i.port() };
  const plan = planNode({ name: `${i.spec.name}-${name}`, descriptor, catalog: i.catalog, ...(i.marketplace ? { marketplace: i.marketplace } : {}), stateDir: i.dir, ports, listenHost: i.listenHost });
  return member(name, i.dir, { ...plan, basePath: join(i.dir, name) });
}

/**
 * The processes of one deployment: `substrate-node` → one node; `rpc-endpoint` → N nodes
 * (role rpc, or archive) and a dinfra-gateway in front of them (its port is the endpoint).
 */
export async function planMembers(i: MemberPlanInput): Promise<{ members: MemberRecord[]; endpointMember: string }> {
  const d = i.spec.descriptor;
  if (i.spec.type === 'substrate-node') return { members: [await nodeMember(i, 'node-0', d)], endpointMember: 'node-0' };
  if (i.spec.type === 'rpc-endpoint') {
    const n = Number(d.nodes);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new LaunchPlanError('descriptor.nodes: an integer from 1 to 64 is required', 'DESCRIPTOR_INVALID');
    const nodeDescriptor = { role: d.archive === true ? 'archive' : 'rpc', chain: d.chain, version: d.version };
    const members: MemberRecord[] = [];
    for (let k = 0; k < n; k++) members.push(await nodeMember(i, `node-${k}`, nodeDescriptor));
    const port = await i.port();
    const [bin, ...binArgs] = i.gateway;
    const args = [...binArgs, ...members.flatMap((m) => ['--upstream', `ws://127.0.0.1:${m.rpcPort}`])];
    if (d.archive === true) args.push('--archive');
    if (typeof d.rateLimitPerSecond === 'number') args.push('--rate-limit-ip', String(d.rateLimitPerSecond));
    const gatewayPlan: LaunchPlan = { name: `${i.spec.name}-gateway`, binary: bin!, args, env: {}, basePath: join(i.dir, 'gateway'), ports: { rpc: port }, listenHost: i.listenHost, health: { kind: 'gateway-http' } };
    members.push(member('gateway', i.dir, gatewayPlan));
    return { members, endpointMember: 'gateway' };
  }
  throw new LaunchPlanError(`deployment type "${i.spec.type}" is not served by the local backend`, 'TYPE_UNSUPPORTED');
}
