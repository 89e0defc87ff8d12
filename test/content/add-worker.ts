// Child process of embedded-shared.test.ts: adds the same files as its sibling, at once, to
// one embedded store directory. argv: REPO ROUNDS. Prints `added N` when done.
import { openContentStore } from '@dinfra/content';
import { sharedFiles } from './data.ts';

const [repo, rounds] = process.argv.slice(2);
const store = await openContentStore({ ipfsRepo: repo! });
let n = 0;
for (let r = 0; r < Number(rounds); r++) {
  await Promise.all(sharedFiles(r).map(async (f) => {
    await store.add(f);
    n++;
  }));
}
await store.close();
console.log(`added ${n}`);
