/**
 * What a backend factory is: its config schema and constructor, and the context
 * `dinfra-reactor` gives it. Apart from the registry, so a factory never imports the registry
 * that lists it.
 */
import type { z } from 'zod';
import type { Backend, Logger } from '../backend.ts';
import type { ChainCatalog } from '../launch/catalog.ts';
import type { CloudInitOptions } from '../launch/cloud-init.ts';
import type { MarketplaceChain } from '../launch/plan-node.ts';
import type { ReactorStore } from '../store/index.ts';

/** What every backend factory gets from `dinfra-reactor`. */
export interface BackendFactoryContext {
  /** The provider's SS58 address (from OGate). */
  readonly provider: string;
  /** `--data-dir`; a backend keeps its files under `<dataDir>/<backend name>`. */
  readonly dataDir: string;
  readonly store: ReactorStore;
  readonly log: Logger;
  /** The chain catalog (built-in `dinfra` plus `--chains FILE`). */
  readonly catalog: ChainCatalog;
  /** The marketplace chain OGate reports (refreshed at every resync). */
  readonly marketplace: () => MarketplaceChain | undefined;
  /** `--public-host`: the host put in endpoints, when the backend does not know a better one. */
  readonly publicHost?: string;
  /** The reactor config's `launch.cloudInit`: how every cloud backend prepares its machines. */
  readonly cloudInit?: CloudInitOptions;
}

/** A backend `--backend NAME` can pick: its config (the `backend` section of `--config`) and a constructor. */
export interface BackendFactory<C = unknown> {
  readonly description: string;
  /** Its machines run in a cloud: they follow chains by their public URL (`chains.<name>.public`). */
  readonly remote?: boolean;
  readonly configSchema: z.ZodType<C, z.ZodTypeDef, unknown>;
  create(config: C, ctx: BackendFactoryContext): Backend | Promise<Backend>;
}

/** A factory whose config is checked on the way in (what the registry holds). */
export interface RegisteredBackend {
  readonly description: string;
  readonly remote: boolean;
  readonly configSchema: z.ZodTypeAny;
  /** Validates `rawConfig` (errors name the field, `backend.<path>`), then builds the backend. */
  create(rawConfig: unknown, ctx: BackendFactoryContext): Promise<Backend>;
}

/** The `backend` section of the config is invalid for the chosen backend. */
export class BackendConfigError extends Error {
  static readonly errorName = 'BackendConfigError';
  override readonly name = 'BackendConfigError';
  readonly code = 'BACKEND_CONFIG_INVALID';
}

export function defineBackend<C>(f: BackendFactory<C>): RegisteredBackend {
  return {
    description: f.description,
    remote: f.remote ?? false,
    configSchema: f.configSchema,
    async create(raw, ctx) {
      const r = f.configSchema.safeParse(raw ?? {});
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new BackendConfigError(`backend.${i.path.join('.') || '(root)'}: ${i.message}`);
      }
      return f.create(r.data, ctx);
    },
  };
}
