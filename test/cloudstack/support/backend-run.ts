// Builds the cloudstack backend and an OperationContext the way a reactor does, against an
// emulator: used in-process by the tests and by the crash driver (which imports only the
// light `@dinfra/reactor-sdk/cloudstack` entry, so a restart costs little).
import type { ChainCatalog, Checkpoint, DeploymentSpec, Logger, OperationContext } from '@dinfra/reactor-sdk';
import { CloudStackBackend, parseCloudStackConfig } from '@dinfra/reactor-sdk/cloudstack';
import { emulatorConfig } from '@dinfra/reactor-sdk/cloudstack-emulator';

export const PROVIDER = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/** Keys come from CLOUDSTACK_API_KEY / CLOUDSTACK_SECRET_KEY, as in production. */
export function backendFor(url: string, catalog: ChainCatalog, env: NodeJS.ProcessEnv = process.env): CloudStackBackend {
  const config = parseCloudStackConfig(emulatorConfig(url, { pollMinDelayMs: 10, pollMaxDelayMs: 20 }));
  const creds = { apiKey: env.CLOUDSTACK_API_KEY ?? 'dinfra-api-key', secretKey: env.CLOUDSTACK_SECRET_KEY ?? 'dinfra-secret-key' };
  return new CloudStackBackend({ config, provider: PROVIDER, credentials: creds, catalog, marketplace: { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' } });
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };

export function context(checkpoint: Checkpoint, onProgress: (message: string) => void = () => {}): OperationContext {
  return { signal: new AbortController().signal, log: quiet, attempt: 1, checkpoint, progress: (m) => onProgress(m) };
}

export type { DeploymentSpec };
