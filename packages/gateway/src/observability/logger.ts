import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** The gateway's root logger: JSON lines (for a log stack) or readable lines, on stdout. */
export function createLogger(opts: { json: boolean; level: string }): Logger {
  if (opts.json) return pino({ level: opts.level, base: { name: 'dinfra-gateway' } });
  return pino({ level: opts.level, base: { name: 'dinfra-gateway' } }, pretty({ sync: true, colorize: false, singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' }));
}
