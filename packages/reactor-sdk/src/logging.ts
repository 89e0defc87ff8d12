import { serviceBindings } from '@dinfra/service';
import { destination, pino } from 'pino';
import type { Logger } from './backend.ts';

export interface LoggerOptions {
  /** @default 'info' */
  readonly level?: string;
  /** Pretty lines on a TTY instead of JSON. @default false */
  readonly pretty?: boolean;
}

/** The reactor's root pino logger (JSON lines on stderr); modules take `child({ name })`. */
export function createLogger(o: LoggerOptions = {}): Logger {
  const level = o.level ?? 'info';
  if (o.pretty) return pino({ level, transport: { target: 'pino-pretty', options: { destination: 2 } } }) as unknown as Logger;
  return pino({ level, base: serviceBindings('dinfra-reactor') }, destination(2)) as unknown as Logger;
}

/** A logger that drops everything (tests). */
export const silentLogger = (): Logger => pino({ level: 'silent' }) as unknown as Logger;
