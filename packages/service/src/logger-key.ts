/**
 * The pino binding convention of every DINFRA service: the root logger carries
 * `{ service: 'dinfra-ogate' }`, each module takes `log.child({ name: 'outbox' })` (as
 * Chopsticks does). Nothing else names a module.
 */

/** Bindings of a service's root logger. */
export const serviceBindings = (service: string): { service: string } => ({ service });
