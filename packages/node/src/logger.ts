import { pino, destination, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The node's logger: pino, one child per module. Human-readable lines on stderr by default
 * (Substrate-like: time, level, target, message); `json: true` for machine logs.
 */
export function createLogger(level: string, json = false): Logger {
  const base = level.split(',').find((l) => !l.includes('=')) ?? 'info';
  if (json) return pino({ level: base }, destination({ dest: 2, sync: true }));
  const stream = pretty({
    destination: 2,
    sync: true,
    colorize: false,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    ignore: 'pid,hostname,name',
    messageFormat: '{if name}{name}: {end}{msg}',
  });
  return pino({ level: base }, stream);
}
