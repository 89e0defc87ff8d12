/** Builds and signs one force_batch of report calls, mortal, with an explicit nonce. */
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { callOf } from './calls.ts';
import type { ReportRow } from '../store/report-rows.ts';

export interface Signed {
  xt: SubmittableExtrinsic<'promise'>;
  hash: string;
  birth: number;
}

export async function signBatch(api: ApiPromise, signer: KeyringPair, reports: ReportRow[], nonce: number, period: number): Promise<Signed> {
  const calls = reports.map((r) => callOf(api, r));
  const xt = api.tx.utility.forceBatch(calls);
  const header = await api.rpc.chain.getHeader();
  const birth = header.number.toNumber();
  const era = api.registry.createType('ExtrinsicEra', { current: birth, period });
  await xt.signAsync(signer, { nonce, era, blockHash: header.hash });
  return { xt, hash: xt.hash.toHex(), birth };
}
