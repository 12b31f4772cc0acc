/**
 * Errors that cross a boundary (IPC, HTTP, sync) travel as data: a stable `code` the UI translates,
 * an English `message` a person can act on, and optional `details` for the translation.
 *
 * @example
 * const r = await api.call('auth.signIn', { userId, pin });
 * if (!r.ok && r.error.code === 'USER_LOCKED') showLockout(r.error.details?.lockedUntil);
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'PIN_INVALID',
  'USER_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'ID_UNAVAILABLE',
  'OUT_OF_SCOPE',
  'MIGRATION_EDITED',
  'DATABASE_NEWER_THAN_APP',
  'SYNCED_WRITE_OUTSIDE_MUTATION',
  'UNKNOWN_MUTATION',
  'SIGNATURE_INVALID',
  'RATE_LIMITED',
  'HUB_CANNOT_VERIFY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Thrown inside the core; converted to `ErrorData` at every boundary by `toErrorData`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): ErrorData {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Anything thrown becomes data; unknown errors never leak their stack or SQL to the caller. */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof AppError) return err.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside Shiftdeck. The change was not saved; try again.' };
}
