import { paginateDescribeInstances, type EC2Client, type Filter, type Instance } from '@aws-sdk/client-ec2';
import type { ResourceKey } from '../../backend.ts';
import { TAG } from '../../naming.ts';
import { mapAwsError } from './errors.ts';
import { LIVE_STATES } from './instance-view.ts';

/** Filters for every live instance this reactor made for `provider`. */
export const providerFilters = (provider: string): Filter[] => [
  { Name: `tag:${TAG.managedBy}`, Values: ['dinfra-reactor'] },
  { Name: `tag:${TAG.provider}`, Values: [provider] },
  { Name: 'instance-state-name', Values: [...LIVE_STATES] },
];

/** Filters for the live instances of one deployment (provider, subscription, generation). */
export const keyFilters = (key: ResourceKey): Filter[] => [
  ...providerFilters(key.provider),
  { Name: `tag:${TAG.subscription}`, Values: [key.id] },
  { Name: `tag:${TAG.generation}`, Values: [String(key.generation)] },
];

/** All instances matching `filters`, over every page (the SDK paginator, 1000 per page). */
export async function describeAll(ec2: EC2Client, filters: Filter[], signal?: AbortSignal, pageSize = 1000): Promise<Instance[]> {
  const out: Instance[] = [];
  try {
    const pages = paginateDescribeInstances({ client: ec2, pageSize }, { Filters: filters });
    for await (const page of pages) {
      signal?.throwIfAborted();
      for (const r of page.Reservations ?? []) out.push(...(r.Instances ?? []));
    }
  } catch (e) {
    throw mapAwsError(e, { operation: 'DescribeInstances' });
  }
  return out;
}

/** Oldest first (launch time, then id), so every caller keeps the same one of duplicates. */
export const oldestFirst = (a: Instance, b: Instance): number =>
  (a.LaunchTime?.getTime() ?? 0) - (b.LaunchTime?.getTime() ?? 0) || (a.InstanceId ?? '').localeCompare(b.InstanceId ?? '');
