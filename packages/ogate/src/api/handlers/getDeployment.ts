/** GET /v1/deployments/{id}. */
import type { HandlerFactory } from '../deps.ts';
import { claimsOf, secretsFor, servedRow } from '../access.ts';
import { toApiDeployment } from '../../desired/api-view.ts';

export const getDeployment: HandlerFactory<'getDeployment'> = ({ ctx, secrets }) => (c, _req, res) => {
  const row = servedRow(ctx.store, String(c.request.params.id), claimsOf(c));
  res.json(toApiDeployment(row, secretsFor(claimsOf(c), () => secrets.open(row))));
};
