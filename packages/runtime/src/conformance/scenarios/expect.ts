import type { DispatchOutcome } from '../../testing/harness.ts';

/**
 * Checks of a scenario step: a scenario that no longer does what it says (a call that should
 * fail succeeds) stops the generator instead of writing a vector that proves nothing.
 */
export class ScenarioError extends Error {
  static readonly errorName = 'ScenarioError';
  override readonly name = 'ScenarioError';
}

export function ok(r: DispatchOutcome, what = 'call'): DispatchOutcome {
  if (!r.ok) throw new ScenarioError(`${what} failed with ${r.errorName}`);
  return r;
}

export function err(r: DispatchOutcome, name: string): DispatchOutcome {
  if (r.ok) throw new ScenarioError(`expected ${name}, the call succeeded`);
  if (r.errorName !== name) throw new ScenarioError(`expected ${name}, got ${r.errorName}`);
  return r;
}

/** The named event's data among a dispatch's events (throws when absent). */
export function event(r: DispatchOutcome, pallet: string, name: string): any {
  const e = r.events.find((x) => x.event.type === pallet && (x.event.value as { type: string }).type === name);
  if (!e) throw new ScenarioError(`no ${pallet}.${name} event`);
  return (e.event.value as { value: unknown }).value;
}
