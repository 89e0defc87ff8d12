#!/usr/bin/env node
// Installs the real test peers (Kubo, moto, cs, schemathesis, cloud-init, docker-compose,
// nginx, ipfs-cid) into ~/.cache/dinfra, idempotently, and prints what it did.
//
//   node scripts/peers.mjs [--check] [NAME ...]     (no NAME: all)
//
// Tools land in ~/.cache/dinfra/bin (Kubo, built from the Go module proxy) and
// ~/.cache/dinfra/venv (PyPI tools); Debian packages go through apt-get. `--check` installs
// nothing and exits 1 when a peer is missing. Tests find the peers through
// test/support/peers.ts, which reads the same paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync, chmodSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CACHE = process.env.DINFRA_CACHE ?? join(homedir(), '.cache', 'dinfra');
const BIN = join(CACHE, 'bin');
const VENV = join(CACHE, 'venv');
const KUBO_VERSION = 'v0.43.1';
const KUBO_LIBP2P = 'v0.50.0';

/** name -> { path: where the tool is once installed, install(): void } */
const PEERS = {
  kubo: { path: join(BIN, 'ipfs'), install: installKubo },
  moto: { path: join(VENV, 'bin', 'moto_server'), install: () => pip(['moto[server,ec2]==5.2.1', 'flask-cors']) },
  cs: { path: join(VENV, 'bin', 'cs'), install: () => pip(['cs==5.2.0']) },
  schemathesis: { path: join(VENV, 'bin', 'schemathesis'), install: () => pip(['schemathesis==4.32.5']) },
  'cloud-init': { path: '/usr/bin/cloud-init', install: () => apt(['cloud-init']) },
  'docker-compose': { path: '/usr/bin/docker-compose', install: () => apt(['docker-compose']) },
  nginx: { path: '/usr/sbin/nginx', install: () => apt(['nginx']) },
  'ipfs-cid': { path: '/usr/bin/ipfs_cid', install: () => apt(['ipfs-cid']) },
  prometheus: { path: '/usr/bin/promtool', install: () => apt(['prometheus']) },
  'prometheus-alertmanager': { path: '/usr/bin/prometheus-alertmanager', install: () => apt(['prometheus-alertmanager']) },
  chromium: { path: '/usr/bin/chromium', install: () => apt(['chromium']) },
};

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.slice(0, 4000));
  return r.stdout;
}

function pip(pkgs) {
  if (!existsSync(join(VENV, 'bin', 'pip'))) sh('python3', ['-m', 'venv', VENV]);
  sh(join(VENV, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', ...pkgs]);
}

let aptUpdated = false;
function apt(pkgs) {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) => (sudo.length ? sh(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : sh('apt-get', args));
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run(['install', '-y', '-q', ...pkgs], { env });
  } catch {
    if (!aptUpdated) {
      run(['update', '-q'], { env });
      aptUpdated = true;
    }
    run(['install', '-y', '-q', ...pkgs], { env });
  }
}

// Kubo: `go install ...@v` refuses modules with replace directives, and Kubo v0.43.1's replace
// points at a go-libp2p fork the module proxy does not serve (403). The fork only exists to
// pull quic-go v0.62 / webtransport-go v0.13, which upstream go-libp2p v0.50.0 requires; so
// build the release from a copy of the module with the replace removed and go-libp2p raised
// to v0.50.0 (v0.49.0 + those deps fails: `undefined: webtransport.Dialer`).
function installKubo() {
  const info = JSON.parse(sh('go', ['mod', 'download', '-json', `github.com/ipfs/kubo@${KUBO_VERSION}`], { cwd: CACHE }));
  const src = join(CACHE, `kubo-src-${KUBO_VERSION}`);
  rmSync(src, { recursive: true, force: true }); // left by an interrupted build
  cpSync(info.Dir, src, { recursive: true });
  sh('chmod', ['-R', 'u+w', src]);
  const gomod = join(src, 'go.mod');
  const mod = readFileSync(gomod, 'utf8')
    .replace(/^replace github\.com\/libp2p\/go-libp2p => .*$/m, '')
    .replace(/^(\s+github\.com\/libp2p\/go-libp2p) v0\.49\.0$/m, `$1 ${KUBO_LIBP2P}`);
  if (!mod.includes(`github.com/libp2p/go-libp2p ${KUBO_LIBP2P}`)) throw new Error(`kubo ${KUBO_VERSION}: go.mod no longer requires go-libp2p v0.49.0; revisit the recipe`);
  writeFileSync(gomod, mod);
  mkdirSync(BIN, { recursive: true });
  sh('go', ['build', '-o', join(BIN, 'ipfs'), './cmd/ipfs'], { cwd: src, env: { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false' } });
  chmodSync(join(BIN, 'ipfs'), 0o755);
  sh('rm', ['-rf', src]);
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => !a.startsWith('--'));
const wanted = names.length ? names : Object.keys(PEERS);
mkdirSync(CACHE, { recursive: true });
let missing = 0;
for (const name of wanted) {
  const peer = PEERS[name];
  if (!peer) {
    console.error(`peers: unknown peer "${name}" (known: ${Object.keys(PEERS).join(', ')})`);
    process.exit(2);
  }
  if (existsSync(peer.path)) {
    console.log(`peers: ${name} present at ${peer.path}`);
    continue;
  }
  if (check) {
    console.log(`peers: ${name} MISSING (${peer.path})`);
    missing++;
    continue;
  }
  const started = Date.now();
  console.log(`peers: installing ${name} ...`);
  try {
    peer.install();
    if (!existsSync(peer.path)) throw new Error(`installed, but ${peer.path} does not exist`);
    console.log(`peers: ${name} installed at ${peer.path} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (e) {
    console.error(`peers: ${name} FAILED: ${e.message}`);
    missing++;
  }
}
process.exit(missing ? 1 : 0);
