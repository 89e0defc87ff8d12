/** Ready-made inputs for driving the cloudstack backend against an emulator (tests, bench). */
import type { CloudStackConfigInput } from '../config.ts';

/** A `cloudstack` config that points at an emulator's catalog (by name, as an operator writes it). */
export function emulatorConfig(url: string, overrides: Partial<CloudStackConfigInput> = {}): CloudStackConfigInput {
  return {
    endpoint: url,
    zone: 'zone1',
    template: 'debian-12-cloudinit',
    serviceOfferings: { small: 'small', medium: 'medium', large: 'large', archive: 'large' },
    network: 'dinfra-net',
    keyPair: 'dinfra-key',
    pollMinDelayMs: 10,
    pollMaxDelayMs: 50,
    jobTimeoutSeconds: 30,
    ...overrides,
  };
}

/** The emulator's default user account (not an admin: expunge=true is refused to it). */
export const EMULATOR_USER = { apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key' } as const;
export const EMULATOR_ADMIN = { apiKey: 'admin-api-key', secretKey: 'admin-secret-key' } as const;
