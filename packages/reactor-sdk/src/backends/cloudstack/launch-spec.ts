/**
 * What deployVirtualMachine gets for a deployment, computed before any call: the user data
 * (the SDK's cloud-init rendering of the node's launch plan, or a cloud-init descriptor's own),
 * the template, the service offering for its size and the tags.
 */
import { PermanentBackendError, type DeploymentSpec } from '../../backend.ts';
import type { ChainCatalog } from '../../launch/catalog.ts';
import { userDataFor, type CloudInitOptions } from '../../launch/cloud-init.ts';
import { declaredPorts, PORTS_TAG, portsTagValue } from '../../launch/endpoints.ts';
import { SecretNameError } from '../../launch/errors.ts';
import { planNode, type MarketplaceChain } from '../../launch/plan-node.ts';
import { withSecrets } from '../../launch/secrets.ts';
import type { CloudStackConfig } from './config.ts';
import type { ResolvedTargets } from './resolve.ts';
import { PORT_TAG } from './vm-view.ts';

/** The most any CloudStack takes: `vm.userdata.max.length` raised to its ceiling, by POST (base64 characters). */
export const USER_DATA_MAX_BASE64 = 1_048_576;

export interface LaunchInputs {
  readonly config: CloudStackConfig;
  readonly catalog: ChainCatalog;
  /** The marketplace chain (for chains that follow it); a function when it is refreshed. */
  readonly marketplace?: MarketplaceChain | (() => MarketplaceChain | undefined);
  /** The reactor's `launch.cloudInit` (packages, pre-commands...), shared with the aws backend. */
  readonly cloudInit?: CloudInitOptions;
  /** Where node state lives on the VM. @default '/var/lib/dinfra' */
  readonly stateDir?: string;
}

export interface LaunchParams {
  readonly templateId: string;
  readonly offeringId: string;
  readonly userData: string;
  /** Tags put on the VM after deploy (the deployment's tags + the RPC port, or a cloud-init machine's declared ports). */
  readonly tags: Readonly<Record<string, string>>;
}

/** The deployment's opened secrets go to /etc/dinfra/secrets.env (0600), as on the aws backend. */
function userDataWithSecrets(text: string, spec: DeploymentSpec): string {
  try {
    return withSecrets(text, spec.secrets, spec.name);
  } catch (e) {
    if (e instanceof SecretNameError) throw new PermanentBackendError(e.message, 'CLOUDSTACK_SECRET_NAME_INVALID', { cause: e });
    throw e;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

export function launchParams(spec: DeploymentSpec, inputs: LaunchInputs, targets: ResolvedTargets): LaunchParams {
  const { config } = inputs;
  const marketplace = typeof inputs.marketplace === 'function' ? inputs.marketplace() : inputs.marketplace;
  const plan = spec.type === 'substrate-node'
    ? planNode({
        name: spec.name, descriptor: spec.descriptor, catalog: inputs.catalog, ...(marketplace ? { marketplace } : {}),
        stateDir: inputs.stateDir ?? '/var/lib/dinfra', ports: { rpc: config.rpcPort, p2p: 30333, prometheus: 9615 }, listenHost: '0.0.0.0', reach: 'public',
      })
    : undefined;
  const userData = userDataWithSecrets(userDataFor(spec, plan, inputs.cloudInit), spec);
  const base64 = 4 * Math.ceil(Buffer.byteLength(userData, 'utf8') / 3);
  if (base64 > config.userDataMaxLength) {
    throw new PermanentBackendError(
      `${spec.name}: user data is ${base64} base64 characters; the cloud takes at most ${config.userDataMaxLength} (its global setting vm.userdata.max.length, ` +
        `32,768 by default). Shrink the user data, or have the cloud's operator raise vm.userdata.max.length (up to ${USER_DATA_MAX_BASE64}) and set cloudstack.userDataMaxLength to match`,
      'CLOUDSTACK_USERDATA_TOO_LARGE',
    );
  }
  const asked = str(spec.descriptor.size);
  if (asked !== undefined && !targets.offeringIds[asked]) {
    throw new PermanentBackendError(`${spec.name}: size "${asked}" is not offered (cloudstack.serviceOfferings has: ${Object.keys(targets.offeringIds).join(', ')})`, 'CLOUDSTACK_SIZE_UNKNOWN');
  }
  const size = [asked, str(spec.descriptor.role), config.defaultSize].find((s) => s !== undefined && targets.offeringIds[s]);
  if (size === undefined) throw new PermanentBackendError(`${spec.name}: no service offering for size "${config.defaultSize}" (cloudstack.defaultSize)`, 'CLOUDSTACK_SIZE_UNKNOWN');
  const image = spec.type === 'substrate-node' ? str(spec.descriptor.chain) : str(spec.descriptor.image);
  return {
    templateId: (image !== undefined ? targets.templateIds[image] : undefined) ?? targets.templateIds.default!,
    offeringId: targets.offeringIds[size]!,
    userData,
    tags: plan ? { ...spec.tags, [PORT_TAG]: String(plan.ports.rpc) } : { ...spec.tags, [PORTS_TAG]: portsTagValue(declaredPorts(spec.descriptor)) },
  };
}
