import { serviceBindings } from '@dinfra/service';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The gateway's root logger on stdout: JSON lines (for a log stack; buffered in 4 KiB writes, as
 * an access line per call would otherwise cost a write(2) each) or readable single lines.
 */
export function createLogger(opts: { json: boolean; level: string }): Logger {
  if (opts.json) {
    const logger = pino({ level: opts.level, base: serviceBindings('dinfra-gateway') }, pino.destination({ dest: 1, sync: false, minLength: 4096 }));
    setInterval(() => logger.flush(), 200).unref(); // a quiet gateway's lines still leave within 200 ms
    return logger;
  }
  return pino({ level: opts.level, base: serviceBindings('dinfra-gateway') }, pretty({ sync: true, colorize: false, singleLine: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' }));
}
