/** `dinfra-ogate token create`: mint a reactor JWT with the data dir's secret. */
import { Command } from 'commander';
import { createToken, parseTtl } from '../api/auth.ts';

export function tokenCommand(): Command {
  const token = new Command('token').description('Reactor tokens');
  token
    .command('create')
    .description('Print a JWT for a reactor, scoped to deployment types')
    .requiredOption('--data-dir <dir>', 'OGate data directory (holds the token secret)')
    .requiredOption('--name <name>', 'reactor name (the token subject)')
    .requiredOption('--types <a,b>', 'deployment types the reactor may see and report on, comma-separated')
    .option('--scope <scope>', 'reactor (see, report, terminate; secrets included) or read (a monitor\'s: no secrets, no writes)', 'reactor')
    .option('--ttl <duration>', 'lifetime: 30d, 12h, 15m, 90s', '30d')
    .option('--json', 'print {token, name, types, expiresAt} as JSON')
    .action(async (o: { dataDir: string; name: string; types: string; ttl: string; scope: string; json?: boolean }) => {
      const types = o.types.split(',').map((t) => t.trim()).filter(Boolean);
      const { token: jwt, claims } = await createToken({ dataDir: o.dataDir, name: o.name, types, ttlSeconds: parseTtl(o.ttl), scope: o.scope as 'reactor' | 'read' });
      if (o.json) console.log(JSON.stringify({ token: jwt, name: claims.sub, types: claims.types, scope: claims.scope, expiresAt: new Date(claims.exp * 1000).toISOString() }));
      else console.log(jwt);
    });
  return token;
}
