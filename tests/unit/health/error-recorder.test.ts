import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../electron/core/health/error-recorder.js';
import { AppError } from '../../../shared/errors.js';
import { recordError } from '../../../shared/health/mutations.js';

describe('error recorder', () => {
  it('keeps a code, never a message', () => {
    expect(errorCodeOf(Object.assign(new Error('disk full at /home/marie'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(errorCodeOf(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe('TypeError');
    expect(errorCodeOf(new AppError('VALIDATION_FAILED', 'The folder /media/x cannot be used'))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCodeOf('a thrown string with a name in it')).toBe('Unknown');
    expect(errorCodeOf({ code: 'has spaces: and text' })).toBe('Unknown');
  });

  it('refuses free text in the synced row, naming the field', () => {
    const base = {
      id: '01939a4e-0000-7000-8000-000000000001',
      code: 'TypeError',
      place: 'api:tables.addLine',
      appVersion: '1.4.0',
      occurredAt: '2026-11-22T09:00:00.000Z',
    };
    expect(recordError.args.safeParse(base).success).toBe(true);
    const bad = recordError.args.safeParse({ ...base, code: 'Marie typed 1234' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['code']);
    expect(recordError.args.safeParse({ ...base, place: 'somewhere else' }).success).toBe(false);
    expect(recordError.args.safeParse({ ...base, message: 'x' }).success).toBe(false);
  });
});
