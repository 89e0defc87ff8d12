import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bytes, Vector } from 'scale-ts';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { decodeNode, encodeNode, IncompleteProofError, verifyProof } from './index.ts';

const hex = u8aToHex;
const fixture = (name: string): Uint8Array[] =>
  Vector(Bytes()).dec(hexToU8a('0x' + readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim()));

/** Every storage value reachable from `root` using only the proof's nodes: [key nibbles, node value]. */
function walkProof(root: Uint8Array, proof: Uint8Array[]) {
  const db = new Map(proof.map((n) => [hex(blake2AsU8a(n, 256)), n]));
  const found: [number[], ReturnType<typeof decodeNode>['value']][] = [];
  const visit = (enc: Uint8Array, path: number[]) => {
    const node = decodeNode(enc);
    const here = [...path, ...node.partial];
    if (node.value) found.push([here, node.value]);
    node.children?.forEach((ref, i) => {
      if (!ref) return;
      const child = ref.length === 32 ? db.get(hex(ref)) : ref;
      if (child) visit(child, [...here, i]);
    });
  };
  visit(db.get(hex(root))!, []);
  return { db, found };
}

const nibblesToKey = (n: number[]) => Uint8Array.from({ length: n.length / 2 }, (_, i) => (n[2 * i]! << 4) | n[2 * i + 1]!);

describe('verifyProof against real proofs', () => {
  // smoldot lib/src/trie/proof_decode/tests.rs: EXAMPLE_PROOF / EXAMPLE_PROOF_STATE_ROOT
  // ("Key/value taken from the Polkadot genesis block", a LayoutV0 state).
  const root = Uint8Array.from([
    41, 208, 217, 114, 205, 39, 203, 197, 17, 233, 88, 159, 203, 122, 69, 6, 213, 235, 106, 158, 141, 242, 5, 240, 4,
    114, 229, 171, 53, 74, 78, 23,
  ]);
  const proof = fixture('smoldot-polkadot-genesis-proof.hex');
  const key = '0x9c5d795d0297be56027a4b2464e3339763e6d3c1fb15805edfd024172ea4817d7081542596adb05d6140c170ac479edf7cfd5aa35357590acfe5d11a804d944e';

  it('Polkadot genesis proof (smoldot storage_value_works)', () => {
    expect(hex(verifyProof(root, proof, hexToU8a(key))!)).toBe('0x0d1456fdda7b8ec7f9e5c794cd83194f0593e4ea');
    expect(verifyProof(root, proof, hexToU8a(key + '25'))).toBeNull();
    expect(() =>
      verifyProof(root, proof, hexToU8a('0x9c5d795d0297be56027a4b2464e3339763e6d3c1fb15805edfd024172ea4817d7000')),
    ).toThrow(IncompleteProofError);
    expect(() => verifyProof(new Uint8Array(32), proof, new Uint8Array(0))).toThrow(IncompleteProofError);
  });

  it('smoldot node_values_smaller_than_32bytes', () => {
    const p = Vector(Bytes()).dec(
      Uint8Array.from([
        12, 17, 1, 158, 195, 101, 195, 207, 89, 214, 113, 235, 114, 218, 14, 122, 65, 19, 196, 0, 3, 88, 95, 7, 141,
        67, 77, 97, 37, 180, 4, 67, 254, 17, 253, 41, 45, 19, 164, 16, 2, 0, 0, 0, 104, 95, 15, 31, 5, 21, 244, 98,
        205, 207, 132, 224, 241, 214, 4, 93, 252, 187, 32, 80, 82, 127, 41, 119, 1, 0, 0, 185, 5, 128, 175, 188, 128,
        15, 126, 137, 9, 189, 204, 29, 117, 244, 124, 194, 9, 181, 214, 119, 106, 91, 55, 85, 146, 101, 112, 37, 46,
        31, 42, 133, 72, 101, 38, 60, 66, 128, 28, 186, 118, 76, 106, 111, 232, 204, 106, 88, 52, 218, 113, 2, 76, 119,
        132, 172, 202, 215, 130, 198, 184, 230, 206, 134, 44, 171, 25, 86, 243, 121, 128, 233, 10, 145, 50, 95, 100, 17,
        213, 147, 28, 9, 142, 56, 95, 33, 40, 56, 9, 39, 3, 193, 79, 169, 207, 115, 80, 61, 217, 4, 106, 172, 152, 128,
        12, 255, 241, 157, 249, 219, 101, 33, 139, 178, 174, 121, 165, 33, 175, 0, 232, 230, 129, 23, 89, 219, 21, 35,
        23, 48, 18, 153, 124, 96, 81, 66, 128, 30, 174, 194, 227, 100, 149, 97, 237, 23, 238, 114, 178, 106, 158, 238,
        48, 166, 82, 19, 210, 129, 122, 70, 165, 94, 186, 31, 28, 80, 29, 73, 252, 128, 16, 56, 19, 158, 188, 178, 192,
        234, 12, 251, 221, 107, 119, 243, 74, 155, 111, 53, 36, 107, 183, 204, 174, 253, 183, 67, 77, 199, 47, 121, 185,
        162, 128, 17, 217, 226, 195, 240, 113, 144, 201, 129, 184, 240, 237, 204, 79, 68, 191, 165, 29, 219, 170, 152,
        134, 160, 153, 245, 38, 181, 131, 83, 209, 245, 194, 128, 137, 217, 3, 84, 1, 224, 52, 199, 112, 213, 150, 42,
        51, 214, 103, 194, 225, 224, 210, 84, 84, 53, 31, 159, 82, 201, 3, 104, 118, 212, 110, 7, 128, 240, 251, 81,
        190, 126, 80, 60, 139, 88, 152, 39, 153, 231, 178, 31, 184, 56, 44, 133, 31, 47, 98, 234, 107, 15, 248, 64, 78,
        36, 89, 9, 149, 128, 233, 75, 238, 120, 212, 149, 223, 135, 48, 174, 211, 219, 223, 217, 20, 172, 212, 172, 3,
        234, 54, 130, 55, 225, 63, 17, 255, 217, 150, 252, 93, 15, 128, 89, 54, 254, 99, 202, 80, 50, 27, 92, 48, 57,
        174, 8, 211, 44, 58, 108, 207, 129, 245, 129, 80, 170, 57, 130, 80, 166, 250, 214, 40, 156, 181, 21, 1, 128, 65,
        0, 128, 182, 204, 71, 61, 83, 76, 85, 166, 19, 22, 212, 242, 236, 229, 51, 88, 16, 191, 227, 125, 217, 54, 7,
        31, 36, 176, 211, 111, 72, 220, 181, 241, 128, 149, 2, 12, 26, 95, 9, 193, 115, 207, 253, 90, 218, 0, 41, 140,
        119, 189, 166, 101, 244, 74, 171, 53, 248, 82, 113, 79, 110, 25, 72, 62, 65,
      ]),
    );
    const r = Uint8Array.from([
      43, 100, 198, 174, 1, 66, 26, 95, 93, 119, 43, 242, 5, 176, 153, 134, 193, 74, 159, 215, 134, 15, 252, 135, 67,
      129, 21, 16, 20, 211, 97, 217,
    ]);
    const k = hexToU8a('0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb');
    expect(Array.from(verifyProof(r, p, k)!)).toEqual([80, 82, 127, 41, 119, 1, 0, 0]);
  });

  // smoldot lib/src/trie/proof_decode/issue_2035_proof: a real LayoutV1 proof (state root from
  // smoldot's `issue_2035` test) whose nodes include hashed-value leaves/branches (0b001 / 0b0001).
  it('LayoutV1 proof with hashed values: nodes re-encode byte-for-byte, values resolve by hash', () => {
    const v1Root = Uint8Array.from([
      247, 47, 169, 142, 251, 242, 60, 33, 209, 98, 166, 105, 10, 36, 18, 208, 178, 227, 210, 231, 105, 202, 180, 106,
      126, 182, 0, 65, 56, 235, 237, 167,
    ]);
    const v1Proof = fixture('smoldot-issue-2035-proof.hex');
    const { db, found } = walkProof(v1Root, v1Proof);
    let reencoded = 0;
    for (const enc of db.values()) {
      let node;
      try {
        node = decodeNode(enc);
      } catch {
        continue; // raw storage values stored by hash are not nodes
      }
      expect(hex(encodeNode(node.partial, node.value, node.children))).toBe(hex(enc));
      reencoded++;
    }
    expect(reencoded).toBeGreaterThan(50);
    const hashed = found.filter(([, v]) => v!.hashed && db.has(hex(v!.data)));
    expect(hashed.length).toBeGreaterThan(0);
    for (const [nibbles, v] of hashed) {
      const value = verifyProof(v1Root, v1Proof, nibblesToKey(nibbles))!;
      expect(hex(blake2AsU8a(value, 256))).toBe(hex(v!.data));
      expect(value.length).toBeGreaterThanOrEqual(33);
    }
  });

  it('Polkadot genesis proof nodes re-encode byte-for-byte (V0 codec)', () => {
    for (const enc of proof) {
      const node = decodeNode(enc);
      expect(hex(encodeNode(node.partial, node.value, node.children))).toBe(hex(enc));
    }
  });
});
