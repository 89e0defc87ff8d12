import { hexToU8a, u8aToHex } from '@polkadot/util';
import * as s from 'scale-ts';
import { SystemStorage, BLOCK_HASH_COUNT, MAX_BLOCK_REF_TIME, MAX_BLOCK_LENGTH, System } from '../pallets/system.ts';
import { TransactionPayment, inclusionFee } from '../pallets/transaction-payment.ts';
import { account, canWithdraw, putAccount, withdraw } from '../pallets/currency.ts';
import { DispatchFailure } from './dispatch-error.ts';
import { Env } from './env.ts';
import { eraBirth, eraDeath } from './era.ts';
import { signingPayload, type DecodedExtrinsic } from './extrinsic.ts';
import type { Origin } from './origin.ts';
import type { Runtime, CallInfo } from './runtime.ts';
import { verifyMultiSignature } from './signature.ts';
import type { StateReader } from './state.ts';
import { invalid, unknown, TransactionValidityError, type ValidTransaction } from './validity.ts';

const ZERO_ACCOUNT = '0x' + '00'.repeat(32);

/** An extrinsic ready for execution: decoded, and maybe with its signature already checked. */
export type CheckedInput = DecodedExtrinsic & { signatureOk?: boolean };

export interface ApplyOutcome {
  ok: boolean;
  error?: DispatchFailure['error'];
  info: CallInfo;
  fee: bigint;
}

export interface ExecutiveOptions {
  genesisHash: string;
  /** Metadata hash for CheckMetadataHash mode 1; without it mode 1 is rejected as BadProof. */
  metadataHash?: Uint8Array;
}

const INHERENTS = new Set(['Timestamp.set']);

/** Block execution: initialize, apply extrinsics, finalize; and pool validation. */
export class Executive {
  constructor(
    readonly runtime: Runtime,
    readonly options: ExecutiveOptions,
  ) {}

  /** A fresh environment for block `number` on top of `state`, initialized. */
  beginBlock(state: StateReader, number: number, parentHash: string): Env {
    // The block's backend (the parent's state) does not change while the block executes.
    const env = new Env(this.runtime, state, number, { cacheReads: true });
    env.phase = { type: 'Initialization' };
    SystemStorage.Number.set(env.state, number);
    SystemStorage.ParentHash.set(env.state, parentHash);
    SystemStorage.BlockHash.set(env.state, number - 1, parentHash);
    SystemStorage.Events.kill(env.state);
    SystemStorage.EventCount.kill(env.state);
    env.blockWeight = 0n;
    env.blockLength = 0;
    for (const p of this.runtime.pallets) p.spec.hooks?.onInitialize?.(env, number);
    return env;
  }

  finalizeBlock(env: Env): void {
    env.phase = { type: 'Finalization' };
    for (const p of this.runtime.pallets) p.spec.hooks?.onFinalize?.(env, env.blockNumber);
    const toRemove = env.blockNumber - BLOCK_HASH_COUNT - 1;
    if (toRemove > 0) SystemStorage.BlockHash.remove(env.state, toRemove);
    SystemStorage.Events.set(env.state, env.events);
    SystemStorage.EventCount.set(env.state, env.events.length);
  }

  #birthHash(env: Env, xt: CheckedInput): string {
    const era = xt.signed!.era;
    if (!era.mortal) return this.options.genesisHash;
    const birth = eraBirth(era, env.blockNumber);
    if (birth === 0) return this.options.genesisHash;
    if (birth >= env.blockNumber || env.blockNumber - birth > BLOCK_HASH_COUNT) throw invalid('AncientBirthBlock');
    const hash = SystemStorage.BlockHash.get(env.state, birth);
    if (!hash || hash === ZERO_ACCOUNT) throw invalid('AncientBirthBlock');
    return hash;
  }

  /** The payload the signer must have signed, in this block's context. */
  payloadOf(env: Env, xt: CheckedInput): Uint8Array {
    if (xt.signed!.metadataHashMode === 1 && !this.options.metadataHash) throw invalid('BadProof');
    return this.#payload(xt, this.#birthHash(env, xt));
  }

  #payload(xt: CheckedInput, birthHash: string): Uint8Array {
    const v = this.runtime.version;
    return signingPayload(xt, {
      specVersion: v.specVersion,
      transactionVersion: v.transactionVersion,
      genesisHash: this.options.genesisHash,
      birthHash,
      metadataHash: this.options.metadataHash,
    });
  }

  /**
   * The payload `xt` must be signed over when it goes into block `number` on `state` (whose hash
   * is `parentHash`), for checking its signature ahead of execution (e.g. on another thread).
   * Undefined when there is none (unsigned; ancient birth block; unsupported metadata-hash
   * mode): validation then rejects the extrinsic without a signature check.
   */
  payloadAt(state: StateReader, number: number, parentHash: string, xt: CheckedInput): Uint8Array | undefined {
    if (!xt.signed) return undefined;
    if (!xt.signed.era.mortal && (xt.signed.metadataHashMode === 0 || this.options.metadataHash)) {
      return this.#payload(xt, this.options.genesisHash); // no state needed
    }
    const env = new Env(this.runtime, state, number);
    SystemStorage.BlockHash.set(env.state, number - 1, parentHash);
    try {
      return this.payloadOf(env, xt);
    } catch (e) {
      if (e instanceof TransactionValidityError) return undefined;
      throw e;
    }
  }

  #feeOf(info: CallInfo, xt: CheckedInput): bigint {
    const tip = xt.signed?.tip ?? 0n;
    return (info.paysFee ? inclusionFee(xt.bytes.length, info.weight) : 0n) + tip;
  }

  /** Checks shared by validation and application; returns the origin, info and fee. */
  #check(env: Env, xt: CheckedInput, applying: boolean): { origin: Origin; info: CallInfo; fee: bigint } {
    const name = `${xt.call.type}.${xt.call.value.type}`;
    if (!xt.signed) {
      if (!INHERENTS.has(name)) throw unknown('NoUnsignedValidator');
      if (!applying) throw invalid('MandatoryValidation');
      const info = this.runtime.callInfo(env, { type: 'None' }, xt.call);
      return { origin: { type: 'None' }, info, fee: 0n };
    }
    if (INHERENTS.has(name)) throw invalid('Call');
    const signer = xt.signed.signer;
    if (signer === ZERO_ACCOUNT) throw invalid('BadSigner');
    if (xt.signatureOk === undefined) {
      xt.signatureOk = verifyMultiSignature(xt.signed.signature, this.payloadOf(env, xt), hexToU8a(signer));
    } else {
      // Checked already (e.g. on a worker): only the era and metadata-hash checks remain.
      if (xt.signed.metadataHashMode === 1 && !this.options.metadataHash) throw invalid('BadProof');
      this.#birthHash(env, xt);
    }
    if (!xt.signatureOk) throw invalid('BadProof');
    const nonce = account(env, signer).nonce;
    if (xt.signed.nonce < nonce) throw invalid('Stale');
    if (applying && xt.signed.nonce > nonce) throw invalid('Future');
    const origin: Origin = { type: 'Signed', who: signer };
    const info = this.runtime.callInfo(env, origin, xt.call);
    const fee = this.#feeOf(info, xt);
    if (fee > 0n && !canWithdraw(env, signer, fee)) throw invalid('Payment');
    if (info.weight > (MAX_BLOCK_REF_TIME * 3n) / 4n || xt.bytes.length > MAX_BLOCK_LENGTH) throw invalid('ExhaustsResources');
    if (applying && (env.blockWeight + info.weight > MAX_BLOCK_REF_TIME || env.blockLength + xt.bytes.length > MAX_BLOCK_LENGTH)) {
      throw invalid('ExhaustsResources');
    }
    return { origin, info, fee };
  }

  /**
   * Applies an extrinsic to the block. Throws TransactionValidityError when it cannot be
   * included (nothing is changed); otherwise dispatches it and reports the outcome.
   */
  applyExtrinsic(env: Env, xt: CheckedInput, index: number): ApplyOutcome {
    const { origin, info, fee } = this.#check(env, xt, true);
    env.phase = { type: 'ApplyExtrinsic', value: index };
    if (xt.signed) {
      const who = xt.signed.signer;
      const acc = account(env, who);
      acc.nonce += 1;
      putAccount(env, who, acc);
      if (fee > 0n) withdraw(env, who, fee);
    }
    let error: DispatchFailure['error'] | undefined;
    try {
      this.runtime.dispatch(env, origin, xt.call);
    } catch (e) {
      if (!(e instanceof DispatchFailure)) throw e;
      if (info.class === 'Mandatory') throw invalid('BadMandatory');
      error = e.error;
    }
    if (xt.signed && fee > 0n) {
      TransactionPayment.emit(env, 'TransactionFeePaid', { who: xt.signed.signer, actual_fee: fee, tip: xt.signed.tip });
    }
    const dispatchInfo = {
      weight: { ref_time: info.weight, proof_size: 0n },
      class: { type: info.class },
      pays_fee: { type: info.paysFee ? 'Yes' : 'No' },
    };
    if (error) System.emit(env, 'ExtrinsicFailed', { dispatch_error: error, dispatch_info: dispatchInfo });
    else System.emit(env, 'ExtrinsicSuccess', { dispatch_info: dispatchInfo });
    env.blockWeight += info.weight;
    env.blockLength += xt.bytes.length;
    return { ok: !error, error, info, fee };
  }

  /**
   * Validates a transaction for the pool, against `state` as the next block (`number`) would
   * see it. Throws TransactionValidityError.
   */
  validateTransaction(state: StateReader, number: number, parentHash: string, xt: CheckedInput): ValidTransaction {
    const env = new Env(this.runtime, state, number, { cacheReads: true });
    SystemStorage.BlockHash.set(env.state, number - 1, parentHash);
    env.blockWeight = 0n;
    env.blockLength = 0;
    this.#check(env, xt, false);
    const signed = xt.signed!;
    const nonce = account(env, signed.signer).nonce;
    const tag = (n: number) => u8aToHex(new Uint8Array([...hexToU8a(signed.signer), ...s.u32.enc(n)]));
    const longevity = signed.era.mortal ? BigInt(eraDeath(signed.era, number) - number) : 2n ** 64n - 1n;
    return {
      priority: signed.tip,
      requires: signed.nonce > nonce ? [tag(signed.nonce - 1)] : [],
      provides: [tag(signed.nonce)],
      longevity,
      propagate: true,
    };
  }
}
