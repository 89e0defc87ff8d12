// Real test peers installed by `node scripts/peers.mjs` (Kubo, moto, cs, schemathesis,
// cloud-init, docker-compose, nginx, ipfs-cid). A test that needs a peer asks for it here:
// where the peer is missing, the test is skipped with one loud line, except under CI=true,
// where a missing peer is a failure (CI can never go green by skipping).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CACHE = process.env.DINFRA_CACHE ?? join(homedir(), '.cache', 'dinfra');

export const PEER_PATHS = {
  kubo: join(CACHE, 'bin', 'ipfs'),
  moto: join(CACHE, 'venv', 'bin', 'moto_server'),
  cs: join(CACHE, 'venv', 'bin', 'cs'),
  schemathesis: join(CACHE, 'venv', 'bin', 'schemathesis'),
  'cloud-init': '/usr/bin/cloud-init',
  'docker-compose': '/usr/bin/docker-compose',
  nginx: '/usr/sbin/nginx',
  'ipfs-cid': '/usr/bin/ipfs_cid',
  /** Debian's prometheus: promtool beside /usr/bin/prometheus. */
  prometheus: '/usr/bin/promtool',
  'prometheus-alertmanager': '/usr/bin/prometheus-alertmanager',
  chromium: '/usr/bin/chromium',
} as const;

export type PeerName = keyof typeof PEER_PATHS;

/**
 * The peer's path, or `undefined` after printing one loud line (tests then `describe.skipIf`).
 * Under CI=true a missing peer throws, so the suite fails.
 */
export function peer(name: PeerName): string | undefined {
  const path = PEER_PATHS[name];
  if (existsSync(path)) return path;
  const line = `PEER MISSING: ${name} (${path}); run \`node scripts/peers.mjs ${name}\``;
  if (process.env.CI === 'true') throw new Error(`${line} — required under CI=true`);
  console.warn(`\n!!! ${line} — tests that need it are SKIPPED\n`);
  return undefined;
}
