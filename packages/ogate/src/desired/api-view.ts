/** The API's Deployment object of a row (secrets passed in opened, never stored in the clear). */
import type { components } from '@dinfra/ogate-contract';
import type { DeploymentRow } from '../store/deployment-row.ts';

export type ApiDeployment = components['schemas']['Deployment'];

export function toApiDeployment(row: DeploymentRow, secrets: Record<string, string>): ApiDeployment {
  return {
    id: row.id,
    type: row.type,
    generation: row.generation,
    desired: row.desired,
    state: row.state,
    endpoints: row.endpoints,
    descriptor: (row.descriptor ?? {}) as ApiDeployment['descriptor'],
    descriptorCid: row.descriptorCid,
    secrets,
    billing: row.billing,
    subscriber: row.subscriber,
    awardedAt: row.awardedAt,
    reason: row.reason,
    revision: row.revision,
    specRevision: row.specRevision,
  };
}
