import type { Vector } from './format.ts';

/** The calls and errors of the two pallets, as the tables of runtime-specs/dinfra.md list them. */
export interface SpecItems {
  calls: string[];
  errors: string[];
}

/**
 * Reads `Pallet.call` and `Pallet.Error` names from dinfra.md: the `#### N \`call(` headings
 * under `### Calls` and the `| N | \`Error\` |` rows under `### Errors` of each pallet
 * (dinfra-spec.test.ts keeps those tables equal to the metadata).
 */
export function specItems(markdown: string, pallets = ['Providers', 'Subscriptions']): SpecItems {
  const out: SpecItems = { calls: [], errors: [] };
  for (const pallet of pallets) {
    const start = markdown.indexOf(`## Pallet \`${pallet}\``);
    if (start < 0) throw new Error(`dinfra.md has no section for pallet ${pallet}`);
    const rest = markdown.slice(start + 1);
    const end = rest.search(/\n## /);
    const body = end < 0 ? rest : rest.slice(0, end);
    const sub = (name: string) => {
      const s = body.indexOf(`\n### ${name}\n`);
      if (s < 0) throw new Error(`dinfra.md: ${pallet} has no ${name} section`);
      const after = body.slice(s + name.length + 6);
      const stop = after.search(/\n### /);
      return stop < 0 ? after : after.slice(0, stop);
    };
    for (const m of sub('Calls').matchAll(/^#### \d+ `(\w+)\(/gm)) out.calls.push(`${pallet}.${m[1]}`);
    for (const m of sub('Errors').matchAll(/^\| \d+ \| `(\w+)` \|/gm)) out.errors.push(`${pallet}.${m[1]}`);
  }
  return out;
}

/** How many times each `Pallet.call` succeeded and each error was returned, over `vectors`. */
export function vectorCoverage(vectors: Vector[]): { calls: Map<string, number>; errors: Map<string, number> } {
  const calls = new Map<string, number>();
  const errors = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const v of vectors) {
    for (const b of v.blocks) {
      for (const c of b.calls) {
        if (c.result.ok) bump(calls, `${c.call.pallet}.${c.call.name}`);
        if (c.result.error) bump(errors, c.result.error.name);
      }
    }
  }
  return { calls, errors };
}
