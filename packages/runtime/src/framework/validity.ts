/** `sp_runtime::transaction_validity`: why a transaction cannot be included, and what a valid one needs. */
export type InvalidKind =
  | 'Call' | 'Payment' | 'Future' | 'Stale' | 'BadProof' | 'AncientBirthBlock' | 'ExhaustsResources'
  | 'BadMandatory' | 'MandatoryValidation' | 'BadSigner';
export type UnknownKind = 'CannotLookup' | 'NoUnsignedValidator';

export type ValidityErrorValue =
  | { type: 'Invalid'; value: { type: InvalidKind } }
  | { type: 'Unknown'; value: { type: UnknownKind } };

/** Substrate's texts for each kind, as the pool's RPC errors carry them. */
export const INVALID_MESSAGES: Record<InvalidKind, string> = {
  Call: 'Transaction call is not expected',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  BadMandatory: 'A call was labelled as mandatory, but resulted in an Error.',
  MandatoryValidation: 'Transaction dispatch is mandatory; transactions must not be validated.',
  BadSigner: 'Invalid signing address',
};

export const UNKNOWN_MESSAGES: Record<UnknownKind, string> = {
  CannotLookup: 'Could not lookup information required to validate the transaction',
  NoUnsignedValidator: 'Could not find an unsigned validator for the unsigned transaction',
};

export class TransactionValidityError extends Error {
  static readonly errorName = 'TransactionValidityError';
  override readonly name = 'TransactionValidityError';
  constructor(readonly value: ValidityErrorValue) {
    super(value.type === 'Invalid' ? INVALID_MESSAGES[value.value.type] : UNKNOWN_MESSAGES[value.value.type]);
  }
}

export const invalid = (kind: InvalidKind) => new TransactionValidityError({ type: 'Invalid', value: { type: kind } });
export const unknown = (kind: UnknownKind) => new TransactionValidityError({ type: 'Unknown', value: { type: kind } });

export interface ValidTransaction {
  priority: bigint;
  requires: string[];
  provides: string[];
  longevity: bigint;
  propagate: boolean;
}
