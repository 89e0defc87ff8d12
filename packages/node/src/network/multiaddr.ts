/** Parses `/ip4/H/tcp/P[/ws][/p2p/ID]` (or /dns*, /ip6) into host and port. */
export function parseMultiaddr(addr: string): { host: string; port: number; peerId?: string } {
  const parts = addr.split('/').filter(Boolean);
  let host: string | undefined;
  let port: number | undefined;
  let peerId: string | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const [proto, value] = [parts[i], parts[i + 1]];
    if (value === undefined && proto === 'ws') {
      i -= 1;
      continue;
    }
    if (proto === 'ip4' || proto === 'dns' || proto === 'dns4' || proto === 'dns6') host = value;
    else if (proto === 'ip6') host = `[${value}]`;
    else if (proto === 'tcp') port = Number(value);
    else if (proto === 'p2p') peerId = value;
    else if (proto === 'ws' || proto === 'wss') i -= 1;
  }
  if (!host || port === undefined || !Number.isInteger(port)) throw new Error(`unsupported multiaddr ${addr}: expected /ip4/<host>/tcp/<port>[/ws][/p2p/<id>]`);
  return { host, port, ...(peerId ? { peerId } : {}) };
}

/** The WebSocket URL of a peer's listen address. */
export function peerUrl(addr: string): string {
  if (/^wss?:\/\//.test(addr)) return addr;
  const { host, port } = parseMultiaddr(addr);
  return `ws://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
}
