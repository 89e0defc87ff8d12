import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsConfig } from './config.ts';

export interface AwsClients {
  readonly ec2: EC2Client;
  readonly ssm: SSMClient;
}

export interface AwsClientOptions {
  /** Only for tests and embedding; by default the SDK's credential chain is used. */
  readonly credentials?: EC2ClientConfig['credentials'];
}

/** EC2 and SSM clients for the config: region, endpoint override, retry policy. */
export function makeClients(config: AwsConfig, opts: AwsClientOptions = {}): AwsClients {
  const common = {
    region: config.region,
    maxAttempts: config.maxAttempts,
    retryMode: config.retryMode,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  };
  return { ec2: new EC2Client(common), ssm: new SSMClient(common) };
}

/** Counts API calls (every HTTP attempt, retries included) per operation on a client. */
export interface ApiCallCounter {
  readonly calls: Map<string, number>;
  total(): number;
  reset(): void;
}

type CountedClient = Pick<EC2Client, 'middlewareStack'> | Pick<SSMClient, 'middlewareStack'>;
type Next = (args: unknown) => Promise<unknown>;

/**
 * Adds a middleware that counts each request the client sends (in the finalize step, after
 * the retry middleware, so retries count): the figure that matters against EC2's rate limits.
 */
export function countApiCalls(...clients: CountedClient[]): ApiCallCounter {
  const calls = new Map<string, number>();
  for (const client of clients)
    (client.middlewareStack as Pick<EC2Client, 'middlewareStack'>['middlewareStack']).add(
      ((next: Next, context: { commandName?: string }) => async (args: unknown) => {
        const op = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        calls.set(op, (calls.get(op) ?? 0) + 1);
        return next(args);
      }) as never,
      { step: 'finalizeRequest', name: 'dinfraApiCallCounter', override: true },
    );
  return {
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
