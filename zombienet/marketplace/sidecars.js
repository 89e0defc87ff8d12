// Shared by the marketplace js-scripts (CommonJS, run inside zombienet): where the scenario keeps
// its state, how to run the dinfra CLI, and how to start OGate / the reactor as processes that
// outlive the script (zombienet-test.mjs stops them at the end through DINFRA_STACK).
const { spawn, execFileSync } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync, existsSync, openSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { tmpdir } = require('node:os');

const ROOT = resolve(__dirname, '../..');
const DIR = process.env.DINFRA_ZOMBIE_DIR || join(tmpdir(), 'dinfra-zombienet-marketplace');
const STATE = join(DIR, 'state.json');
const OPERATOR = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy'; // //Dave
mkdirSync(DIR, { recursive: true });

const state = () => (existsSync(STATE) ? JSON.parse(readFileSync(STATE, 'utf8')) : {});
const save = (patch) => writeFileSync(STATE, JSON.stringify({ ...state(), ...patch }, null, 2));

/** Runs `dinfra ...args` against `url` as `suri`; returns stdout. */
function dinfra(url, suri, args) {
  return execFileSync(process.execPath, [join(ROOT, 'packages/provider-cli/bin/dinfra.mjs'), ...args], {
    env: { ...process.env, DINFRA_URL: url, DINFRA_SURI: suri },
    encoding: 'utf8',
    timeout: 120000,
  });
}

/** Starts `node bin ...args` detached, logging to DIR/<name>.log; resolves with the first match of `ready`. */
async function startDetached(name, bin, args, ready, timeoutMs = 280000) {
  const logFile = join(DIR, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [join(ROOT, bin), ...args], { detached: true, stdio: ['ignore', fd, fd], env: process.env });
  child.unref();
  save({ pids: [...(state().pids || []), child.pid] });
  const started = Date.now();
  for (;;) {
    const log = readFileSync(logFile, 'utf8');
    const m = ready.exec(log);
    if (m) return m;
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${log.slice(-3000)}`);
    if (Date.now() - started > timeoutMs) throw new Error(`${name} not ready within ${timeoutMs} ms:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The subscription's status as JSON, read from the node `api` is connected to. */
async function statusOf(api, id) {
  const sub = (await api.query.subscriptions.subscriptions(id)).toJSON();
  return sub ? sub.status : null;
}

module.exports = { ROOT, DIR, OPERATOR, state, save, dinfra, startDetached, statusOf };
