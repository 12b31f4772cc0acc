import pino from 'pino';

/**
 * The log the kiosk core writes to (pino's shape, so pino fits as it is). Declared here, with
 * the logger it describes, so the kiosk and the parts it wires (scheduler, sync client) all
 * import it from below instead of from kiosk.ts.
 */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** Structured logs (JSON lines) on stderr, so stdout stays for what a person reads at start-up. */
export function createLogger(opts: { name: string; quiet?: boolean }): Logger {
  return pino(
    { name: opts.name, level: opts.quiet ? 'warn' : (process.env.SHIFTDECK_LOG_LEVEL ?? 'info') },
    pino.destination(2),
  );
}
