// Child process of embedded-crash.test.ts: adds big files to an embedded store until killed.
// argv: REPO. Prints `adding` once it has started writing.
import { openContentStore } from '@dinfra/content';
import { pseudoRandomBytes } from './data.ts';

const store = await openContentStore({ ipfsRepo: process.argv[2]! });
for (let i = 0; ; i++) {
  const bytes = pseudoRandomBytes(8 << 20, 500 + i);
  if (i === 0) console.log('adding');
  await store.add(bytes);
}
