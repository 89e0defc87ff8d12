import type { Harness } from '../../testing/harness.ts';
import type { VectorGenesisSpec } from '../recorder.ts';
import { providerScenarios } from './providers.ts';
import { subscriptionScenarios } from './subscriptions.ts';
import { hookScenarios } from './hooks.ts';
import { limitScenarios } from './limits.ts';
import { propertyScenarios } from './property.ts';

/** A scenario a vector is recorded from: its genesis and the steps it drives on a harness. */
export interface Scenario {
  name: string;
  description: string;
  /** Where it comes from; default `marketplace scenario <name>`. */
  source?: string;
  genesis: VectorGenesisSpec;
  run(h: Harness): void;
}

export { ScenarioError } from './expect.ts';

/** Every scenario, in the order the vectors are written. */
export const scenarios = (): Scenario[] => [...providerScenarios, ...subscriptionScenarios, ...hookScenarios, ...limitScenarios, ...propertyScenarios()];
