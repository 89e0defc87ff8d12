import { untilSignal } from '@dinfra/service';
import { CommanderError } from 'commander';
import { AdminServer } from './admin/admin-server.ts';
import { buildProgram, flagsToConfig, type ProgramFlags } from './cli/program.ts';
import { compileConfig, readConfigFile } from './config/load-config.ts';
import { poolSpecs } from './config/pool-specs.ts';
import type { GatewayConfig } from './config/schema.ts';
import { ConfigError } from './errors.ts';
import { Gateway } from './gateway.ts';

const loadConfig = (flags: ProgramFlags): GatewayConfig => {
  const file = flags.config ? readConfigFile(flags.config) : {};
  return compileConfig(file, flagsToConfig(flags), flags.config);
};

/** `dinfra-gateway`: resolves with the exit code once stopped (by SIGINT/SIGTERM). */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'report') {
    const { reportMain } = await import('./report/report-main.ts');
    return reportMain(argv.slice(1));
  }
  const program = buildProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const flags = program.opts<ProgramFlags>();
  let gateway: Gateway;
  try {
    gateway = Gateway.create(loadConfig(flags));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`dinfra-gateway: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let addr: { url: string };
  const admin = gateway.config.admin.listen ? new AdminServer(gateway, gateway.config.admin.token ?? process.env.DINFRA_GATEWAY_ADMIN_TOKEN) : undefined;
  let adminUrl: string | undefined;
  try {
    addr = await gateway.start();
    if (admin) adminUrl = await admin.listen(gateway.config.admin.listen!);
  } catch (e) {
    process.stderr.write(`dinfra-gateway: cannot listen on ${gateway.config.listen}${admin ? ` or ${gateway.config.admin.listen}` : ''}: ${(e as Error).message}\n`);
    await gateway.close().catch(() => undefined);
    return 2;
  }
  process.stdout.write(`gateway listening on ${addr.url}\n`);
  if (adminUrl) process.stdout.write(`gateway admin API on ${adminUrl}\n`);
  gateway.logger.info({ url: addr.url, admin: adminUrl, pools: Object.fromEntries(gateway.pools.map((p) => [p.name, { hosts: [...p.hosts, ...p.paths], upstreams: p.pool.upstreams.map((u) => u.client.url) }])) }, 'gateway started');
  // SIGHUP: the config file (and the same flags) again; pools and upstreams follow, clients stay connected.
  let reloading = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(async () => {
      try {
        const changes = await gateway.apply(poolSpecs(loadConfig(flags)));
        gateway.logger.info({ changes: changes.length, added: changes.filter((c) => c.change === 'added').map((c) => `${c.pool}/${c.url}`), removed: changes.filter((c) => c.change === 'removed').map((c) => `${c.pool}/${c.url}`) }, 'configuration reloaded');
      } catch (e) {
        gateway.logger.error({ err: (e as Error).message }, 'configuration not reloaded (kept the running one)');
      }
    });
  };
  process.on('SIGHUP', reload);
  return untilSignal(async () => {
    process.off('SIGHUP', reload);
    await Promise.all([gateway.close(), admin?.close()]);
  }, { service: 'dinfra-gateway' });
}
