import type { ErrorData, Result } from '../../shared/errors.js';

/**
 * The Result a transport returns when the kiosk service cannot be reached at all. The code stays
 * 'INTERNAL' (the contract's code for "not your fault"); `details.reason` lets the UI say
 * "cannot reach the kiosk service" instead of a generic failure.
 */
export function unreachable(cause?: string): Result<never> {
  const error: ErrorData = {
    code: 'INTERNAL',
    message: 'Cannot reach the Shiftdeck kiosk service. Check that it is running, then try again.',
    details: cause ? { reason: 'unreachable', cause } : { reason: 'unreachable' },
  };
  return { ok: false, error };
}

/** True when `value` has the shape of a Result; anything else from the wire is treated as broken. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}
