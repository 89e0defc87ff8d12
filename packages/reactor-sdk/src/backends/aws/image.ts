import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { AwsPermanentError, mapAwsError } from './errors.ts';

/**
 * Picks the image for a deployment: the entry for `name` (chain or cloud-init image name),
 * else `default`. An `ssm:/...` entry is read from SSM Parameter Store (e.g. Canonical's
 * `/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id`).
 */
export class ImageResolver {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(
    private readonly images: Readonly<Record<string, string>>,
    private readonly ssm: SSMClient,
  ) {}

  /** The configured reference (`ami-...` or `ssm:/...`) for `name`. */
  ref(name: string | undefined, resource: string): string {
    const ref = (name !== undefined ? this.images[name] : undefined) ?? this.images.default;
    if (!ref)
      throw new AwsPermanentError(
        `${resource}: no image for ${name === undefined ? 'this deployment' : `"${name}"`} and no "default" in aws.images (configured: ${Object.keys(this.images).join(', ')})`,
        'AWS_NO_IMAGE',
      );
    return ref;
  }

  /** The AMI id for `name`; SSM answers are cached for the life of the backend. */
  async resolve(name: string | undefined, resource: string, signal?: AbortSignal): Promise<string> {
    const ref = this.ref(name, resource);
    if (!ref.startsWith('ssm:')) return ref;
    const param = ref.slice(4);
    let p = this.cache.get(param);
    if (!p) {
      p = this.fetch(param, resource, signal);
      this.cache.set(param, p);
      p.catch(() => this.cache.delete(param));
    }
    return p;
  }

  private async fetch(param: string, resource: string, signal?: AbortSignal): Promise<string> {
    let value: string | undefined;
    try {
      const out = await this.ssm.send(new GetParameterCommand({ Name: param }), signal ? { abortSignal: signal } : {});
      value = out.Parameter?.Value;
    } catch (e) {
      throw mapAwsError(e, { operation: 'ssm:GetParameter', resource });
    }
    if (!value || !/^ami-[0-9a-f]+$/.test(value))
      throw new AwsPermanentError(`${resource}: SSM parameter ${param} holds ${JSON.stringify(value)}, not an AMI id`, 'AWS_NO_IMAGE');
    return value;
  }
}
