/** Hex helpers with the 0x prefix, as Substrate's JSON-RPC uses them. */
export { u8aToHex as bytesToHex, hexToU8a as hexToBytes, u8aConcat as concatBytes } from '@polkadot/util';
