// Property test: the client's signature equals what `cs` (PyPI) computes with its own signing
// code (`CloudStack._sign`), for many random parameter sets — except where the two encoders
// differ by design: "~", which Java's URLEncoder (the server) encodes and Python's quote keeps.
// One Python process signs all cases; the reached branches are printed and have floors.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { signParams } from '@dinfra/reactor-sdk/cloudstack';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peer } from '../support/peers.ts';

const csBin = peer('cs');
const CASES = 400;

const PY = `
import json, sys
from cs.client import CloudStack
c = CloudStack(endpoint="http://x", key="k", secret=sys.argv[1])
out = []
for p in json.load(sys.stdin):
    c._sign(p)
    out.append(p["signature"])
print(json.dumps(out))
`;

describe.skipIf(!csBin)('signing: the client vs cs (PyPI) on random parameters', () => {
  it(`agrees on ${CASES} random parameter sets (and differs exactly on "~")`, async () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 24 }),
      fc.string({ unit: fc.constantFrom(...' *~!\'()+/=&?%#.-_:;,@$[]{}"é€😀aZ09'.split(/(?=[\s\S])/u)), maxLength: 16 }),
    );
    const name = fc.oneof(fc.constantFrom('name', 'displayname', 'Zeta', 'apiKey', 'tags[0].key', 'tags[0].value', 'userdata', 'keyword'), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,10}$/));
    const sets = fc.sample(fc.dictionary(name, value, { minKeys: 1, maxKeys: 6 }), { numRuns: CASES, seed: 20261129 }).map((d) => ({ command: 'listVirtualMachines', ...d }));
    const python = join(dirname(csBin!), 'python');
    const theirs = await new Promise<string[]>((resolve, reject) => {
      const child = execFile(python, ['-c', PY, 'the-secret'], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[])));
      child.stdin!.end(JSON.stringify(sets));
    });
    const reached = { same: 0, tildeDiffers: 0, withReservedChars: 0, nonAscii: 0 };
    sets.forEach((p, i) => {
      const ours = signParams(p, 'the-secret');
      const values = Object.values(p).join('');
      if (values.includes('~')) {
        expect(ours, JSON.stringify(p)).not.toBe(theirs[i]);
        reached.tildeDiffers++;
      } else {
        expect(ours, JSON.stringify(p)).toBe(theirs[i]);
        reached.same++;
        if (/[ *!'()+/=&?]/.test(values)) reached.withReservedChars++;
        if (/[^\x00-\x7f]/.test(values)) reached.nonAscii++;
      }
    });
    console.log(`signing property: ${JSON.stringify(reached)}`);
    expect(reached.same).toBeGreaterThan(CASES / 2);
    expect(reached.tildeDiffers).toBeGreaterThan(10);
    expect(reached.withReservedChars).toBeGreaterThan(50);
    expect(reached.nonAscii).toBeGreaterThan(50);
  });
});
