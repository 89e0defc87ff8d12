import { Command } from 'commander';
import { z } from 'zod';
import { action } from '../../command.ts';
import { parseOptions } from '../../context.ts';
import * as chain from '../../lib/chain.ts';
import type { Target } from '@dinfra/runtime-specs';
import { decodeDispatchError, type DispatchErrorLike } from '../../lib/dispatch-error.ts';
import { resolveDescriptorBytes, type ResolvedDescriptor } from '../../lib/descriptor.ts';
import { ChainRefusedError, NotFoundError, UsageError } from '../../lib/errors.ts';
import { addToStore, chooseStore, describeStore, openStore } from '../../lib/content-store.ts';
import { findEvent } from '../../lib/tx.ts';
import { txDoc } from '../provider/tx-result.ts';
import { loadView, viewDoc, viewText } from '../subscription/view.ts';
import { waitForRunning } from '../subscription/wait.ts';
import { hasSecrets, readLocalDescriptor, sealDescriptor } from './descriptor-secrets.ts';

const Options = z.object({
  descriptor: z.string().min(1),
  deposit: z.string(),
  maxPrice: z.string().optional(),
  provider: z.string().optional(),
  allow: z.array(z.string()).optional(),
  region: z.string().optional(),
  schema: z.string().optional(),
  validate: z.boolean().default(true),
  secret: z.array(z.string()).optional(),
  secretsFile: z.string().optional(),
  ipfsApi: z.string().optional(),
  ipfsRepo: z.string().optional(),
});

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function subscribeCommand(): Command {
  return new Command('subscribe')
    .description('buy a deployment: awarded at once to the best offering that fits (or to a named provider)')
    .argument('<type>', 'deployment type name or id (see `dinfra type list`)')
    .requiredOption('--descriptor <file|cid>', 'the deployment descriptor: a local JSON file (validated against the type\'s schema, CID computed as `ipfs add` does) or a CID')
    .requiredOption('--deposit <amount>', 'funds reserved for the subscription; billing draws on them per block while it runs')
    .option('--max-price <amount>', 'highest price per block you accept (default: the price of the best offering now)')
    .option('--provider <name|address>', 'subscribe to this provider\'s offering instead of letting the chain choose')
    .option('--allow <name|address>', 'let the chain choose only among these providers (repeat)', collect)
    .option('--region <region>', 'only offerings in this region')
    .option('--schema <file>', 'the JSON Schema of a type the CLI does not ship (checked against the type\'s schema CID)')
    .option('--no-validate', 'do not validate the descriptor file (for types without a known schema)')
    .option('--secret <name=value>', 'a secret for the descriptor\'s "secrets", sealed to the provider\'s operator key (repeat)', collect)
    .option('--secrets-file <file>', 'secrets from a file: a JSON object of strings, or NAME=VALUE lines')
    .option('--ipfs-api <url>', 'add the descriptor to this Kubo RPC API (env DINFRA_IPFS_API)')
    .option('--ipfs-repo <dir>', 'add the descriptor to the embedded store in this directory (env DINFRA_IPFS_REPO; default .dinfra/ipfs if it exists)')
    .addHelpText(
      'after',
      `
Examples:
  dinfra subscribe substrate-node --descriptor node.json --deposit 100 --wait running
  dinfra subscribe rpc-endpoint --descriptor Qm... --deposit 50 --max-price 2m --region eu-west
  dinfra subscribe substrate-node --descriptor node.json --deposit 10 --provider bob-cloud
  dinfra subscribe substrate-node --descriptor node.json --deposit 100 --secret nodeKey=0x... --ipfs-api http://127.0.0.1:5001

Nothing is signed unless the descriptor is valid and an offering fits (the chain is asked
first, through DinfraApi.quote). A local descriptor file is added to the content store
(--ipfs-api, --ipfs-repo, DINFRA_IPFS_API, DINFRA_IPFS_REPO, or ./.dinfra/ipfs when it
exists) before subscribing; with no store, add it yourself (\`ipfs add FILE\`): the CID is
the one printed.

Secrets (--secret, --secrets-file, or plaintext values under the descriptor's "secrets") are
sealed to the operator key of ONE provider, so they need a store and pin a provider: the
one named by --provider, or the best offering now (asked through DinfraApi.quote), which
is said. Only that provider's OGate can open them; they never go on chain or to IPFS in
the clear. A --secret value is visible to other local users in the process list: prefer
--secrets-file for real secrets.`,
    )
    .action(
      action(async (ctx, typeArg: string, raw: unknown) => {
        const o = parseOptions(Options, raw);
        if (o.provider !== undefined && (o.allow !== undefined || o.region !== undefined)) {
          throw new UsageError('--provider names one offering; --allow and --region choose among several: give one or the other');
        }
        // Local input first: nothing connects while a flag or file is wrong.
        const local = await readLocalDescriptor(o);
        const storeChoice = chooseStore(o, ctx.env);
        if (hasSecrets(local) && !storeChoice) {
          throw new UsageError('a descriptor with secrets is sealed here, so this command must add it to a content store: give --ipfs-api URL or --ipfs-repo DIR (or set DINFRA_IPFS_API / DINFRA_IPFS_REPO)');
        }
        const signer = await ctx.signer();
        const conn = await ctx.connection();
        const api = conn.api;
        const type = await ctx.deploymentType(typeArg);
        const deposit = await ctx.amount(o.deposit, '--deposit');
        const maxPrice = o.maxPrice !== undefined ? await ctx.amount(o.maxPrice, '--max-price') : undefined;
        const minimum = BigInt(api.consts.subscriptions.minimumDeposit!.toString());
        if (deposit < minimum) throw new UsageError(`--deposit ${ctx.fmt(deposit)} is below the chain's minimum deposit of ${ctx.fmt(minimum)}`);
        let target: Target;
        if (o.provider !== undefined) target = { kind: 'provider', provider: await ctx.provider(o.provider, '--provider'), typeId: type.id };
        else {
          const allow = o.allow ? await Promise.all(o.allow.map((p) => ctx.provider(p, '--allow'))) : undefined;
          if (o.region !== undefined && (o.region.length < 1 || Buffer.byteLength(o.region) > 32)) throw new UsageError(`--region "${o.region}" must be 1-32 bytes`);
          target = { kind: 'selector', typeId: type.id, providers: allow, region: o.region };
        }
        const U128_MAX = (1n << 128n) - 1n;
        const decode = (e: unknown) => decodeDispatchError(api.registry, e as DispatchErrorLike);
        const names = async (a: string) => (await chain.provider(api, a))?.name ?? a;

        // Secrets are sealed to one provider's operator: a selector is resolved (quote) and pinned.
        let pinned: string | undefined;
        let publish: Uint8Array | undefined = local?.bytes;
        if (hasSecrets(local)) {
          if (target.kind === 'selector') {
            const best = await chain.quote(api, target, maxPrice ?? U128_MAX, decode);
            if ('error' in best) throw new ChainRefusedError(best.error, best.docs);
            target = { kind: 'provider', provider: best.provider, typeId: type.id };
            pinned = best.provider;
            ctx.out.note(`secrets: pinned provider ${await names(best.provider)} (${best.provider}), the best offering now; the secrets are sealed to its operator key`);
          }
          const info = await chain.provider(api, target.provider);
          if (!info) throw new NotFoundError(`provider ${target.provider} is not registered`);
          const { decodeAddress } = await import('@polkadot/util-crypto');
          publish = await sealDescriptor(local, decodeAddress(info.operator));
        }
        const descriptor: ResolvedDescriptor = local
          ? await resolveDescriptorBytes(publish!, local.file, type, { schemaFile: o.schema, validate: o.validate })
          : { cid: o.descriptor, file: undefined, validated: false };
        if (!descriptor.validated) ctx.out.note(descriptor.file ? `note: descriptor ${descriptor.file} was not validated (--no-validate)` : `note: descriptor ${descriptor.cid} is given by CID: the provider validates it when it fetches it`);

        // Ask the chain what subscribe would do, so nothing is signed when nothing fits.
        const q = await chain.quote(api, target, maxPrice ?? U128_MAX, decode);
        if ('error' in q) throw new ChainRefusedError(q.error, q.docs);
        const max = maxPrice ?? q.pricePerBlock;
        const balance = await chain.freeBalance(api, signer.address);
        const ed = BigInt(api.consts.balances.existentialDeposit.toString());
        if (balance < deposit + ed) {
          throw new ChainRefusedError(
            'Balances.InsufficientBalance',
            `the signer ${signer.address} has ${ctx.fmt(balance)} free; the deposit ${ctx.fmt(deposit)} plus the existential deposit ${ctx.fmt(ed)} must stay reservable`,
          );
        }
        ctx.progress.step(`best offering now: ${await names(q.provider)} at ${ctx.fmt(q.pricePerBlock)}/block`);

        // The descriptor goes to the store before the subscription, so the provider finds it when awarded.
        const stored = local && storeChoice ? describeStore(storeChoice) : undefined;
        if (local && storeChoice) {
          const store = await openStore(storeChoice);
          try {
            await addToStore(storeChoice, store, publish!, descriptor.cid);
          } finally {
            await store.close();
          }
          ctx.progress.step(`descriptor ${descriptor.cid} added to ${stored}`);
        }
        const extra = { descriptorCid: descriptor.cid, descriptorStore: stored ?? null, pinnedProvider: pinned ?? null, sealedSecrets: local ? [...local.sealed.keys(), ...local.toSeal.keys()].sort() : [] };

        const tx = api.tx.subscriptions.subscribe!(chain.targetArg(target) as never, descriptor.cid, deposit, max);
        const s = await ctx.submit(tx, signer, 'Subscriptions.subscribe');
        if (ctx.opts.wait === 'none') {
          ctx.out.result({ subscription: null, ...extra, ...txDoc(s) }, () => `Submitted ${s.txHash} (--wait none): see \`dinfra subscription list\`.`);
          return;
        }
        const subscribed = findEvent(s.events, 'subscriptions', 'Subscribed');
        const id = BigInt(subscribed!.data[0]!.toString());
        const awarded = findEvent(s.events, 'subscriptions', 'Awarded');
        if (awarded) ctx.progress.step(`subscription #${id} awarded to ${await names(awarded.data[1]!.toString())} at ${ctx.fmt(BigInt(awarded.data[2]!.toString()))}/block`);
        if (ctx.opts.wait === 'running') await waitForRunning(ctx, id, names);
        ctx.progress.done();
        const view = await loadView(ctx, id);
        ctx.out.result({ subscription: viewDoc(view), ...extra, ...txDoc(s) }, () =>
          [
            `Subscribed: #${id}${descriptor.file ? ` (descriptor ${descriptor.file})` : ''}.`,
            viewText(ctx, view),
            stored ? `\nDescriptor ${descriptor.cid} is in ${stored}.` : descriptor.file ? `\nAdd the descriptor to IPFS so the provider can fetch it: ipfs add ${descriptor.file}  (-> ${descriptor.cid})` : '',
          ].join('\n'),
        );
      }),
    );
}
