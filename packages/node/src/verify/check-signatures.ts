import { hexToU8a } from '@polkadot/util';
import type { CheckedInput, Executive, StateReader } from '@dinfra/runtime';
import type { SignatureVerifier } from './signature-verifier.ts';
import type { VerifyItem } from './types.ts';

/**
 * Checks the signatures of `xts` (to be applied in block `number` on `state`, parent
 * `parentHash`) on the verifier's workers, and records each result in `signatureOk` so that
 * execution does not check them again. Extrinsics already checked, unsigned, or without a
 * payload in that context are left for execution to judge.
 */
export async function checkSignatures(
  verifier: SignatureVerifier,
  executive: Executive,
  state: StateReader,
  number: number,
  parentHash: string,
  xts: CheckedInput[],
): Promise<void> {
  const todo: CheckedInput[] = [];
  const items: VerifyItem[] = [];
  for (const xt of xts) {
    if (xt.signatureOk !== undefined || !xt.signed) continue;
    const message = executive.payloadAt(state, number, parentHash, xt);
    if (!message) continue;
    todo.push(xt);
    items.push({ signature: xt.signed.signature, message, signer: hexToU8a(xt.signed.signer) });
  }
  if (!items.length) return;
  const ok = items.length === 1 ? [await verifier.verify(items[0]!)] : await verifier.verifyMany(items);
  todo.forEach((xt, i) => (xt.signatureOk = ok[i]!));
}
