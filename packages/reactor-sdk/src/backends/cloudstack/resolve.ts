/**
 * Turns the config's names into CloudStack ids once (listZones, listTemplates,
 * listServiceOfferings, listNetworks), so a typo fails at start-up naming the field instead of
 * at the first deployment.
 */
import { listNetworks, listServiceOfferings, listTemplates, listZones } from './api.ts';
import type { CloudStackClient } from './client.ts';
import { CloudStackConfigError, type CloudStackConfig } from './config.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedTargets {
  readonly zoneId: string;
  /** Template id for a chain/image name; `default` for the rest. */
  readonly templateIds: Readonly<Record<string, string>>;
  readonly offeringIds: Readonly<Record<string, string>>;
  readonly networkId: string | undefined;
}

type Named = { id: string; name: string };

function pick(items: readonly Named[], ref: string, field: string): string {
  const hit = UUID.test(ref) ? items.filter((i) => i.id === ref) : items.filter((i) => i.name === ref);
  if (hit.length === 1) return hit[0]!.id;
  const known = items.slice(0, 10).map((i) => i.name).join(', ');
  if (hit.length === 0) throw new CloudStackConfigError(`cloudstack.${field}: "${ref}" not found (the account sees: ${known || 'none'})`);
  throw new CloudStackConfigError(`cloudstack.${field}: "${ref}" is ambiguous (${hit.length} match); use its id`);
}

export async function resolveTargets(client: CloudStackClient, config: CloudStackConfig, signal?: AbortSignal): Promise<ResolvedTargets> {
  const zones = await listZones(client, {}, { signal });
  const zoneId = pick(zones, config.zone, 'zone');
  const templates = await listTemplates(client, { templatefilter: 'executable', zoneid: zoneId }, { signal });
  const templateIds: Record<string, string> = { default: pick(templates, config.template, 'template') };
  for (const [k, ref] of Object.entries(config.templates)) templateIds[k] = pick(templates, ref, `templates.${k}`);
  const offerings = await listServiceOfferings(client, {}, { signal });
  const offeringIds: Record<string, string> = {};
  for (const [k, ref] of Object.entries(config.serviceOfferings)) offeringIds[k] = pick(offerings, ref, `serviceOfferings.${k}`);
  const networkId = config.network === undefined ? undefined : pick(await listNetworks(client, { zoneid: zoneId }, { signal }), config.network, 'network');
  return { zoneId, templateIds, offeringIds, networkId };
}
