import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** The monitor's root logger on stdout: JSON lines or readable single lines; modules take `child({ name })`. */
export function createLogger(opts: { json: boolean; level: string }): Logger {
  if (opts.json) return pino({ level: opts.level, base: { name: 'dinfra-monitor' } });
  return pino({ level: opts.level, base: { name: 'dinfra-monitor' } }, pretty({ sync: true, colorize: false, singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' }));
}
