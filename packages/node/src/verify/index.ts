/**
 * Signature verification off the main thread: a small pool of worker threads verifying sr25519
 * in batches (`SignatureVerifier`), shared by the transaction pool and block import
 * (`checkSignatures` records results in `signatureOk`, so nothing is verified twice).
 */
export { SignatureVerifier, verifyInline } from './signature-verifier.ts';
export { sharedVerifier } from './shared-verifier.ts';
export { checkSignatures } from './check-signatures.ts';
export type { VerifierOptions, VerifyItem, MultiSignatureValue } from './types.ts';
