import { Command } from 'commander';
import { action } from '../../command.ts';
import * as chain from '../../lib/chain.ts';
import { table } from '../../lib/output.ts';
import { schemaByCid } from '../../lib/schemas.ts';

export function listTypesCommand(): Command {
  return new Command('list').description('list the deployment types registered on chain').action(
    action(async (ctx) => {
      const api = await ctx.api();
      const types = await Promise.all(
        (await chain.deploymentTypes(api)).map(async (t) => ({ ...t, schema: (await schemaByCid(t.schemaCid)) ? 'built-in' : 'external' })),
      );
      ctx.out.result({ types }, () =>
        [
          table(
            ['ID', 'NAME', 'SCHEMA CID', 'SCHEMA', 'OWNER'],
            types.map((t) => [String(t.id), t.name, t.schemaCid, t.schema, t.owner ?? 'genesis/root']),
          ),
          '',
          'SCHEMA "built-in": the CLI ships the schema and validates descriptor files against it;',
          '"external": give it with `dinfra subscribe --schema FILE`.',
        ].join('\n'),
      );
    }),
  );
}
