/** listZones, listTemplates, listServiceOfferings, listNetworks over the fixed catalog. */
import type { CatalogEntry } from '../state.ts';
import { paramError } from '../api-error.ts';
import { listAnswer, param, required, uuidParam, type CommandContext, type Handler } from './context.ts';

function filter<T extends CatalogEntry>(ctx: CommandContext, items: readonly T[]): T[] {
  const id = uuidParam(ctx, 'id');
  const name = param(ctx, 'name');
  return items.filter((i) => (id === undefined || i.id === id) && (name === undefined || i.name.includes(name)));
}

export const listZones: Handler = (ctx) =>
  listAnswer(ctx, 'zone', filter(ctx, ctx.state.zones).map((z) => ({ ...z, allocationstate: 'Enabled', networktype: 'Advanced' })));

const TEMPLATE_FILTERS = ['featured', 'self', 'selfexecutable', 'sharedexecutable', 'executable', 'community', 'all'];

export const listTemplates: Handler = (ctx) => {
  const tf = required(ctx, 'templatefilter');
  if (!TEMPLATE_FILTERS.includes(tf)) throw paramError(`Unable to execute API command listtemplates due to invalid value. Invalid parameter templatefilter value=${tf}`);
  const zone = ctx.state.zones[0]!;
  const zoneid = uuidParam(ctx, 'zoneid');
  const items = filter(ctx, ctx.state.templates).map((t) => ({ ...t, zoneid: zone.id, isready: true, ostypename: 'Debian GNU/Linux 12 (64-bit)' }));
  return listAnswer(ctx, 'template', items.filter((t) => zoneid === undefined || t.zoneid === zoneid));
};

export const listServiceOfferings: Handler = (ctx) => listAnswer(ctx, 'serviceoffering', filter(ctx, ctx.state.offerings));

export const listNetworks: Handler = (ctx) => {
  const zone = ctx.state.zones[0]!;
  return listAnswer(ctx, 'network', filter(ctx, ctx.state.networks).map((n) => ({ ...n, zoneid: zone.id, type: 'Isolated', state: 'Implemented' })));
};
