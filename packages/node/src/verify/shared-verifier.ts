import { SignatureVerifier } from './signature-verifier.ts';

let shared: SignatureVerifier | undefined;

/**
 * The process-wide verifier (workers are started on first use and do not keep the process
 * alive when idle). `DINFRA_VERIFY_WORKERS=0` verifies on the main thread.
 */
export function sharedVerifier(): SignatureVerifier {
  const env = process.env.DINFRA_VERIFY_WORKERS;
  shared ??= new SignatureVerifier(env !== undefined && /^\d+$/.test(env) ? { workers: Number(env) } : {});
  return shared;
}
