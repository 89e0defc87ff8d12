/** What a command handler gets, and the parameter helpers every handler uses. */
import { invalidId, missingParam, paramError } from '../api-error.ts';
import type { Account, Vm } from '../model.ts';
import type { EmulatorState } from '../state.ts';

export interface CommandContext {
  readonly state: EmulatorState;
  readonly account: Account;
  readonly command: string;
  readonly params: Readonly<Record<string, string>>;
  readonly method: 'GET' | 'POST';
}

/** A handler returns the inside of `<command>response`, or throws an ApiError. */
export type Handler = (ctx: CommandContext) => Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A parameter, looked up by name without regard to case (as the dispatcher binds them). */
export function param(ctx: CommandContext, name: string): string | undefined {
  const key = Object.keys(ctx.params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : ctx.params[key];
}

export function required(ctx: CommandContext, name: string): string {
  const v = param(ctx, name);
  if (v === undefined || v === '') throw missingParam(ctx.command, name);
  return v;
}

/** A UUID parameter (CloudStack refuses anything else with 431). */
export function uuidParam(ctx: CommandContext, name: string, isRequired = false): string | undefined {
  const v = isRequired ? required(ctx, name) : param(ctx, name);
  if (v !== undefined && !UUID.test(v)) throw invalidId(ctx.command, name, v);
  return v;
}

export function boolParam(ctx: CommandContext, name: string): boolean | undefined {
  const v = param(ctx, name);
  if (v === undefined) return undefined;
  if (v.toLowerCase() === 'true') return true;
  if (v.toLowerCase() === 'false') return false;
  throw paramError(`Unable to execute API command ${ctx.command.toLowerCase()} due to invalid value ${v} for parameter ${name}`);
}

/** `tags[i].key` / `tags[i].value` pairs, in index order. */
export function tagsParam(ctx: CommandContext): { key: string; value: string }[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [k, v] of Object.entries(ctx.params)) {
    const m = /^tags\[(\d+)\]\.(key|value)$/i.exec(k);
    if (!m) continue;
    const entry = byIndex.get(Number(m[1])) ?? {};
    entry[m[2]!.toLowerCase() as 'key' | 'value'] = v;
    byIndex.set(Number(m[1]), entry);
  }
  return [...byIndex].sort(([a], [b]) => a - b).map(([i, e]) => {
    if (e.key === undefined || e.value === undefined) throw paramError(`Unable to execute API command ${ctx.command.toLowerCase()}: tags[${i}] needs both key and value`);
    return { key: e.key, value: e.value };
  });
}

/** The caller's VM by id (431 when unknown, expunged or another account's). */
export function ownVm(ctx: CommandContext, id: string): Vm {
  const vm = ctx.state.vms.get(id);
  if (!vm || vm.expunged || (vm.account !== ctx.account.name && !ctx.account.admin)) throw invalidId(ctx.command, 'id', id);
  return vm;
}

/** `page`/`pagesize` as `BaseListCmd` checks them; returns the page and the total count. */
export function paginate<T>(ctx: CommandContext, items: readonly T[]): { count: number; page: T[] } {
  const pageRaw = param(ctx, 'page');
  const sizeRaw = param(ctx, 'pagesize');
  const max = ctx.state.options.maxPageSize;
  if (pageRaw === undefined && sizeRaw === undefined) return { count: items.length, page: items.slice(0, max) };
  if (sizeRaw !== undefined && pageRaw === undefined) throw paramError('"page" parameter is required when "pagesize" is specified');
  const page = Number(pageRaw);
  const size = sizeRaw === undefined ? max : Number(sizeRaw);
  if (!Number.isInteger(page) || page < 1) throw paramError(`Unable to execute API command ${ctx.command.toLowerCase()} due to invalid value. Invalid parameter page value=${pageRaw}`);
  if (size === -1) return { count: items.length, page: [...items] };
  if (!Number.isInteger(size) || size < 1) throw paramError(`Unable to execute API command ${ctx.command.toLowerCase()} due to invalid value. Invalid parameter pagesize value=${sizeRaw}`);
  if (size > max) throw paramError(`Page size can't exceed max allowed page size value: ${max}`);
  return { count: items.length, page: items.slice((page - 1) * size, page * size) };
}

/** A list answer: `{}` when empty, else `{ count, <key>: [...] }`. */
export function listAnswer<T>(ctx: CommandContext, key: string, items: readonly T[]): Record<string, unknown> {
  const { count, page } = paginate(ctx, items);
  return count === 0 ? {} : { count, [key]: page };
}
