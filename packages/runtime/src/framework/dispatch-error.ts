/** `sp_runtime::DispatchError` as a value of the runtime codec. */
export type DispatchErrorValue =
  | { type: 'Module'; value: { index: number; error: string } }
  | { type: 'Token'; value: { type: string } }
  | { type: 'Arithmetic'; value: { type: string } }
  | { type: 'Transactional'; value: { type: string } }
  | { type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed' };

/** Thrown by a call handler to fail the dispatch; the transactional layer is rolled back. */
export class DispatchFailure extends Error {
  static readonly errorName = 'DispatchFailure';
  override readonly name = 'DispatchFailure';
  constructor(readonly error: DispatchErrorValue, message?: string) {
    super(message ?? (error.type === 'Module' ? `module error ${error.value.index}:${error.value.error}` : error.type));
  }
}

export const badOrigin = (): DispatchFailure => new DispatchFailure({ type: 'BadOrigin' });
export const arithmetic = (kind: 'Underflow' | 'Overflow' | 'DivisionByZero'): DispatchFailure =>
  new DispatchFailure({ type: 'Arithmetic', value: { type: kind } });
export const tokenError = (kind: string): DispatchFailure => new DispatchFailure({ type: 'Token', value: { type: kind } });

/**
 * A typed constructor of `pallet`'s module errors, indexed in the order of `errors` (the order
 * the pallet's Error enum lists them). Pallets use it where the Pallet object is not yet built.
 */
export function moduleErrors<N extends string>(pallet: string, index: number, errors: Record<N, string>): (name: N) => DispatchFailure {
  const names = Object.keys(errors);
  return (name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`${pallet} has no error ${name}`);
    const error = '0x' + Buffer.from([i, 0, 0, 0]).toString('hex');
    return new DispatchFailure({ type: 'Module', value: { index, error } }, `${pallet}.${name}`);
  };
}
