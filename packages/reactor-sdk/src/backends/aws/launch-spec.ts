import type { _InstanceType, RunInstancesCommandInput, TagSpecification } from '@aws-sdk/client-ec2';
import type { DeploymentSpec } from '../../backend.ts';
import { userDataFor, type CloudInitOptions } from '../../launch/cloud-init.ts';
import { declaredPorts, PORTS_TAG, portsTagValue } from '../../launch/endpoints.ts';
import type { ChainCatalog } from '../../launch/catalog.ts';
import { planNode, type MarketplaceChain } from '../../launch/plan-node.ts';
import type { LaunchPlan } from '../../launch/plan.ts';
import { SecretNameError } from '../../launch/errors.ts';
import { withSecrets } from '../../launch/secrets.ts';
import type { AwsConfig } from './config.ts';
import { AwsPermanentError } from './errors.ts';
import { AWS_TAG } from './instance-view.ts';
import { encodeUserData } from './user-data.ts';

/** The deployment's opened secrets go to /etc/dinfra/secrets.env (0600); a bad name keeps the aws code. */
function userDataWithSecrets(text: string, spec: DeploymentSpec): string {
  try {
    return withSecrets(text, spec.secrets, spec.name);
  } catch (e) {
    if (e instanceof SecretNameError) throw new AwsPermanentError(e.message, 'AWS_SECRET_NAME_INVALID', { cause: e });
    throw e;
  }
}

export interface LaunchInputs {
  readonly config: AwsConfig;
  /** Chains the instances can run (the binary as installed on the AMI or by `cloudInit.preCommands`). */
  readonly catalog: ChainCatalog;
  /** The marketplace chain (for chains that follow it); a function when it is refreshed. */
  readonly marketplace?: MarketplaceChain | (() => MarketplaceChain | undefined);
  /** The reactor's `launch.cloudInit` (packages, pre-commands...), shared with the cloudstack backend. */
  readonly cloudInit?: CloudInitOptions;
  /** Where node state lives on the instance. @default '/var/lib/dinfra' */
  readonly stateDir?: string;
}

/** Everything RunInstances needs except the image id and the token; computed before any call. */
export interface LaunchParams {
  /** Chain (substrate-node) or image name (cloud-init) that selects the AMI. */
  readonly imageName: string | undefined;
  readonly instanceType: string;
  readonly userData: string;
  readonly tags: Record<string, string>;
  readonly plan?: LaunchPlan;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The launch plan for a `substrate-node` deployment on an instance (fixed ports, listens on all interfaces). */
export function nodePlan(spec: DeploymentSpec, inputs: LaunchInputs): LaunchPlan {
  const marketplace = typeof inputs.marketplace === 'function' ? inputs.marketplace() : inputs.marketplace;
  return planNode({
    name: spec.name,
    descriptor: spec.descriptor,
    catalog: inputs.catalog,
    ...(marketplace ? { marketplace } : {}),
    stateDir: inputs.stateDir ?? '/var/lib/dinfra',
    ports: { rpc: inputs.config.rpcPort, p2p: 30333, prometheus: 9615 },
    listenHost: '0.0.0.0',
    reach: 'public',
  });
}

/** Plan, user data, size and tags for a deployment; a PermanentBackendError when it cannot launch. */
export function launchParams(spec: DeploymentSpec, inputs: LaunchInputs): LaunchParams {
  const { config } = inputs;
  const plan = spec.type === 'substrate-node' ? nodePlan(spec, inputs) : undefined;
  const text = userDataFor(spec, plan, inputs.cloudInit);
  const size = str(spec.descriptor.size) ?? config.defaultSize;
  const instanceType = config.instanceTypes[size];
  if (!instanceType)
    throw new AwsPermanentError(`${spec.name}: size "${size}" is not offered (aws.instanceTypes has: ${Object.keys(config.instanceTypes).join(', ')})`, 'AWS_SIZE_UNKNOWN');
  const tags: Record<string, string> = { ...spec.tags, [AWS_TAG.name]: spec.name, [AWS_TAG.type]: spec.type };
  if (plan) tags[AWS_TAG.rpcPort] = String(plan.ports.rpc);
  else if (spec.type === 'cloud-init') tags[PORTS_TAG] = portsTagValue(declaredPorts(spec.descriptor));
  return {
    imageName: spec.type === 'substrate-node' ? str(spec.descriptor.chain) : str(spec.descriptor.image),
    instanceType,
    userData: encodeUserData(userDataWithSecrets(text, spec), spec.name),
    tags,
    ...(plan ? { plan } : {}),
  };
}

/** The RunInstances request: one instance, tagged at launch (instance and its volumes). */
export function runInstancesInput(p: LaunchParams, imageId: string, token: string, config: AwsConfig): RunInstancesCommandInput {
  const Tags = Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value }));
  const TagSpecifications: TagSpecification[] = [
    { ResourceType: 'instance', Tags },
    { ResourceType: 'volume', Tags },
  ];
  return {
    ImageId: imageId,
    InstanceType: p.instanceType as _InstanceType,
    MinCount: 1,
    MaxCount: 1,
    ClientToken: token,
    UserData: p.userData,
    TagSpecifications,
    ...(config.subnetId ? { SubnetId: config.subnetId } : {}),
    ...(config.securityGroupIds.length ? { SecurityGroupIds: config.securityGroupIds } : {}),
    ...(config.keyName ? { KeyName: config.keyName } : {}),
    ...(config.rootVolumeGiB ? { BlockDeviceMappings: [{ DeviceName: config.rootDeviceName, Ebs: { VolumeSize: config.rootVolumeGiB, VolumeType: 'gp3', DeleteOnTermination: true } }] } : {}),
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    InstanceInitiatedShutdownBehavior: 'terminate',
  };
}
