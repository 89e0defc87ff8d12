#!/usr/bin/env -S node --import tsx
/**
 * Runs the CloudStack emulator as a process (for the bench, manual tries, other processes):
 *
 *   node --import tsx packages/reactor-sdk/src/backends/cloudstack/emulator/main.ts [--port N] [--job-delay-ms N] [--allow-user-expunge] [--userdata-max-length N]
 *
 * Prints one JSON line `{ url, apiKey, secretKey, adminApiKey, adminSecretKey }` on stdout once
 * listening; stops on SIGTERM/SIGINT. Counts: GET <origin>/_emulator/counts.
 */
import { parseArgs } from 'node:util';
import { startCloudStackEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'job-delay-ms': { type: 'string', default: '50' },
    'allow-user-expunge': { type: 'boolean', default: false },
    'max-vms': { type: 'string' },
    'userdata-max-length': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: main.ts [--port N] [--job-delay-ms N] [--allow-user-expunge] [--max-vms N] [--userdata-max-length N]');
  process.exit(0);
}
const maxVms = values['max-vms'] === undefined ? undefined : Number(values['max-vms']);
const emulator = await startCloudStackEmulator({
  port: Number(values.port),
  jobDelayMs: Number(values['job-delay-ms']),
  allowUserExpunge: values['allow-user-expunge'],
  ...(values['userdata-max-length'] === undefined ? {} : { userDataMaxLength: Number(values['userdata-max-length']) }),
  accounts: [
    { name: 'dinfra', apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key', maxVms },
    { name: 'admin', apiKey: 'admin-api-key', secretKey: 'admin-secret-key', admin: true },
  ],
});
console.log(JSON.stringify({ url: emulator.url, apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key', adminApiKey: 'admin-api-key', adminSecretKey: 'admin-secret-key' }));
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
