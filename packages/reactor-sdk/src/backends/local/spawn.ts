import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { PermanentBackendError } from '../../backend.ts';
import { startTimeOf } from './proc.ts';
import { ENV_MEMBER, ENV_OWNER, ENV_RESOURCE, ENV_TAGS, type MemberRecord } from './record.ts';

/**
 * Starts a member in its own process group (detached: it survives the reactor), output
 * appended to its log file, tagged by environment. Returns its pid and start time.
 */
export function spawnMember(resource: string, tags: Readonly<Record<string, string>>, m: MemberRecord, owner: string): { pid: number; startTime: string } {
  if (isAbsolute(m.command.file) && !existsSync(m.command.file)) throw new PermanentBackendError(`${m.member}: ${m.command.file} does not exist on this host`, 'BINARY_MISSING');
  mkdirSync(dirname(m.logFile), { recursive: true });
  if (m.basePath) mkdirSync(m.basePath, { recursive: true });
  const fd = openSync(m.logFile, 'a');
  try {
    const child = spawn(m.command.file, [...m.command.args], {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, ...m.command.env, [ENV_RESOURCE]: resource, [ENV_MEMBER]: m.member, [ENV_TAGS]: JSON.stringify(tags), [ENV_OWNER]: owner },
      ...(m.basePath ? { cwd: m.basePath } : {}),
    });
    child.on('error', () => undefined);
    // Reaped by libuv when it exits; the supervisor notices through /proc.
    child.unref();
    if (child.pid === undefined) throw new Error(`could not spawn ${m.command.file}`);
    const startTime = startTimeOf(child.pid);
    if (startTime === undefined) throw new Error(`${m.command.file} exited at once (see ${m.logFile})`);
    return { pid: child.pid, startTime };
  } finally {
    closeSync(fd);
  }
}
