/** `dinfra-ogate run`: start OGate (flags > env DINFRA_OGATE_* > --config file). */
import { Command } from 'commander';
import { loadConfig } from '../config/index.ts';
import { startOGate } from '../ogate.ts';

const int = (v: string) => v;

export function runCommand(): Command {
  return new Command('run')
    .description('Follow the chain for one provider and serve its reactors')
    .option('--url <ws>', 'WebSocket RPC URL of a DINFRA node (env DINFRA_OGATE_URL)')
    .option('--suri <suri>', 'secret URI of the operator key (env DINFRA_OGATE_SURI)')
    .option('--keystore <file>', 'polkadot-js keystore of the operator key; password in DINFRA_PASSWORD')
    .option('--old-suri <suri...>', 'earlier operator keys, to open secrets sealed before set_operator')
    .option('--data-dir <dir>', 'directory for the SQLite state and the token secret (env DINFRA_OGATE_DATA_DIR)')
    .option('--listen <host:port>', 'address of the reactor API (default 127.0.0.1:8420; port 0: any)')
    .option('--ipfs-api <url>', 'Kubo RPC API URL (env DINFRA_OGATE_IPFS_API)')
    .option('--ipfs-repo <dir>', 'embedded content store directory (default <data-dir>/ipfs)')
    .option('--provider <address>', 'provider account (default: the one whose operator is the key)')
    .option('--config <file>', 'YAML or JSON config file (same field names, camelCase)')
    .option('--retention-seconds <n>', 'how long absent deployments stay visible', int)
    .option('--descriptor-timeout-ms <n>', 'timeout of one descriptor fetch', int)
    .option('--descriptor-attempts <n>', 'descriptor fetch attempts before reporting Failed', int)
    .option('--batch-window-ms <n>', 'how long the outbox waits to coalesce reports', int)
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
    .addHelpText('after', '\nExample:\n  dinfra-ogate run --url ws://127.0.0.1:9944 --suri //Alice --data-dir ./ogate --listen 127.0.0.1:8420')
    .action(async (opts: Record<string, unknown>) => {
      const { config: file, oldSuri, ...flags } = opts;
      const config = loadConfig({ file: file as string | undefined, flags: { ...flags, ...(oldSuri ? { oldSuris: oldSuri } : {}) } });
      const ogate = await startOGate(config);
      const stop = async (signal: string) => {
        console.error(`${signal}: stopping OGate`);
        await ogate.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      // Runs until a signal stops it.
      await new Promise<never>(() => undefined);
    });
}
