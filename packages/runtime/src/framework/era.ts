/** A transaction's mortality, decoded from the two-byte `Era` encoding. */
export type EraValue = { mortal: false } | { mortal: true; period: number; phase: number };

/** Decodes `Era` as the codec gives it: `{ type: 'Immortal' }` or `{ type: 'MortalN', value: byte }`. */
export function eraFromCodec(v: { type: string; value?: number }): EraValue | undefined {
  if (v.type === 'Immortal') return { mortal: false };
  const first = Number(v.type.slice('Mortal'.length));
  const encoded = first + ((v.value ?? 0) << 8);
  const period = 2 << encoded % 16;
  const quantize = Math.max(period >> 12, 1);
  const phase = (encoded >> 4) * quantize;
  if (period < 4 || phase >= period) return undefined;
  return { mortal: true, period, phase };
}

/** The block number an era was born at, seen from block `current` (sp_runtime::generic::Era::birth). */
export function eraBirth(era: EraValue, current: number): number {
  if (!era.mortal) return 0;
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}

/** The first block at which the transaction is no longer valid (Era::death). */
export function eraDeath(era: EraValue, current: number): number {
  if (!era.mortal) return Number.MAX_SAFE_INTEGER;
  return eraBirth(era, current) + era.period;
}
