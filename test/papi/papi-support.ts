import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getPolkadotSigner, type PolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider, getWsRawProvider, SocketEvents, type SocketLoggerFn, type WebSocketClass } from 'polkadot-api/ws';
import WebSocket from 'ws';

export const DIN = 10n ** 12n;

const derive = sr25519CreateDerive(DEV_MINI_SECRET);

/** A dev account (`//Alice`, `//Bob`, ...) as a PAPI sr25519 signer and its SS58 (prefix 42) address. */
export function devAccount(path: string): { signer: PolkadotSigner; address: string } {
  const pair = derive(path);
  return { signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign), address: ss58Address(pair.publicKey, 42) };
}

/**
 * A PAPI client over `ws` (Node 20 has no global WebSocket). `raw` skips PAPI's ws middleware (which
 * would fall back to legacy methods), so the node's chainHead_v1/transaction_v1 alone carry the session.
 * Every method PAPI sends is recorded in `methods`.
 */
export function papiClient(wsUrl: string, raw = false): { client: PolkadotClient; methods: Set<string> } {
  const methods = new Set<string>();
  const logger: SocketLoggerFn = (e) => {
    if (e.type !== SocketEvents.OUT) return;
    const m = /"method":"([^"]+)"/.exec(e.msg);
    if (m) methods.add(m[1]!);
  };
  const config = { websocketClass: WebSocket as unknown as WebSocketClass, logger };
  const provider = raw ? getWsRawProvider(wsUrl, config) : getWsProvider(wsUrl, config);
  return { client: createClient(provider), methods };
}
