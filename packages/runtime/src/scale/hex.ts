/**
 * Hex helpers with the 0x prefix, as Substrate's JSON-RPC uses them. Backed by Node's native
 * Buffer codec: these run on every storage key and every AccountId in the runtime.
 */
export { u8aConcat as concatBytes } from '@polkadot/util';

export function bytesToHex(bytes: Uint8Array): string {
  return '0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function hexToBytes(hex: string): Uint8Array {
  const body = hex.startsWith('0x') ? hex.slice(2) : hex;
  const buf = Buffer.from(body, 'hex');
  if (buf.length * 2 !== body.length) throw new Error(`invalid hex: ${hex.length > 80 ? hex.slice(0, 80) + '…' : hex}`);
  // Small Buffers are views into a shared pool: hand out an exact copy (decoders read .buffer).
  return buf.byteOffset === 0 && buf.buffer.byteLength === buf.length ? new Uint8Array(buf.buffer) : new Uint8Array(buf);
}
