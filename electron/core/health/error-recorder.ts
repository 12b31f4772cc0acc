import { AppError } from '../../../shared/errors.js';
import { recordError } from '../../../shared/health/mutations.js';
import { newId } from '../../../shared/ids.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

export interface ErrorRecorder {
  /**
   * Records an unexpected error thrown at `place` (`api:<method>`, `job:<id>`). An AppError from
   * a handler is an answer to a person (a wrong field), not a fault, and is not recorded; a job
   * that fails, for whatever reason, is. Never throws: a failure to record is logged.
   */
  record(err: unknown, place: string): Promise<void>;
}

/** At most this many entries an hour per device: a fault in a loop must not fill the outbox. */
export const MAX_ERRORS_PER_HOUR = 120;

/**
 * The error's code, never its message: a system code (`SQLITE_BUSY`, `ENOSPC`) when it has one,
 * else its class name (`TypeError`), else `Unknown`.
 *
 * @example errorCodeOf(Object.assign(new Error('disk'), { code: 'ENOSPC' })) // 'ENOSPC'
 */
export function errorCodeOf(err: unknown): string {
  const fits = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(v);
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (fits(code)) return code;
    if (err instanceof Error && fits(err.name)) return err.name;
  }
  return 'Unknown';
}

const placeOf = (place: string) => {
  const clean = place.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 85);
  return /^(api|job|sync|app):[A-Za-z]/.test(clean) ? clean : 'app:unknown';
};

/**
 * Writes unexpected errors to the synced `error_log` through the `health.recordError` mutation.
 *
 * @example
 * const errors = createErrorRecorder({ runner, clock, version: '1.4.0', log });
 * await errors.record(new TypeError('x is undefined'), 'api:tables.addLine');
 */
export function createErrorRecorder(deps: {
  runner: MutationRunner;
  clock: Clock;
  version: string;
  log: Logger;
}): ErrorRecorder {
  let hour = -1;
  let count = 0;
  const version = /^[0-9A-Za-z.+-]{1,40}$/.test(deps.version) ? deps.version : '0.0.0';
  return {
    async record(err, place) {
      if (err instanceof AppError && place.startsWith('api:')) return;
      const now = deps.clock.now();
      const h = Math.floor(now / 3_600_000);
      if (h !== hour) [hour, count] = [h, 0];
      if (++count > MAX_ERRORS_PER_HOUR) return;
      try {
        await deps.runner.run(
          recordError,
          {
            id: newId(),
            code: errorCodeOf(err),
            place: placeOf(place),
            appVersion: version,
            occurredAt: new Date(now).toISOString(),
          },
          { userId: null, permissions: [] },
        );
      } catch (recordErr) {
        deps.log.error({ err: recordErr, place }, 'could not record an error in the error log');
      }
    },
  };
}
