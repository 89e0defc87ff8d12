import { recordVector } from './recorder.ts';
import { scenarios, type Scenario } from './scenarios/index.ts';
import { vectorText } from './json.ts';
import { VECTOR_FORMAT, type Vector, type VectorIndex } from './format.ts';

/** The vector of one scenario. */
export const generateVector = (s: Scenario): Vector =>
  recordVector({ name: s.name, description: s.description, source: s.source ?? `marketplace scenario ${s.name}`, genesis: s.genesis }, (h) => s.run(h));

/** The text of `index.json` for scenarios (or vectors) named `names`, in order. */
export function indexText(names: string[]): string {
  const index: VectorIndex = { format: VECTOR_FORMAT, vectors: names.map((n) => `${n}.json`) };
  return vectorText(index);
}

/** File name → text of every file of frame/vectors/ the generator writes (`index.json` included). */
export function vectorFiles(): Map<string, string> {
  const all = scenarios();
  const files = new Map<string, string>();
  for (const s of all) files.set(`${s.name}.json`, vectorText(generateVector(s)));
  files.set('index.json', indexText(all.map((s) => s.name)));
  return files;
}
