/**
 * The one launch setting every cloud backend (aws, cloudstack) renders node user data with:
 * the reactor config's `launch.cloudInit` section.
 */
import { z } from 'zod';

export const cloudInitOptionsSchema = z.object({
  user: z.string().regex(/^[a-z_][a-z0-9_-]*$/, 'a Unix user name').optional().describe('Account the node runs as (default dinfra)'),
  packages: z.array(z.string().min(1)).optional().describe('Debian packages to install at first boot'),
  preCommands: z.array(z.array(z.string()).min(1)).optional().describe('Commands (argv) run before the node starts, e.g. to install its binary'),
  sshAuthorizedKeys: z.array(z.string().min(1)).optional(),
}).strict();

export const launchSettingsSchema = z.object({
  cloudInit: cloudInitOptionsSchema.default({}).describe('How cloud machines are prepared (aws and cloudstack alike)'),
}).strict();

export type LaunchSettings = z.infer<typeof launchSettingsSchema>;
