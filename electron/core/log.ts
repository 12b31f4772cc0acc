import pino from 'pino';
import type { Logger } from './kiosk.js';

/** Structured logs (JSON lines) on stderr, so stdout stays for what a person reads at start-up. */
export function createLogger(opts: { name: string; quiet?: boolean }): Logger {
  return pino({ name: opts.name, level: opts.quiet ? 'warn' : process.env.SHIFTDECK_LOG_LEVEL ?? 'info' }, pino.destination(2));
}
