/** GET /openapi.json: the contract. */
import type { HandlerFactory } from '../deps.ts';

export const getOpenApi: HandlerFactory<'getOpenApi'> = ({ document }) => (_c, _req, res) => {
  res.json(document);
};
