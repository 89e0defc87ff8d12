/** GET /openapi.json: the contract. */
import type { HandlerFactory } from '../deps.ts';

export const getOpenApi: HandlerFactory = ({ document }) => (_c, _req, res) => {
  res.json(document);
};
