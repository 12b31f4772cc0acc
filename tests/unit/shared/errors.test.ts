import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, fail, ok, toErrorData } from '../../../shared/errors.js';

describe('errors as data', () => {
  it('keeps the code, message and details of an AppError', () => {
    const e = new AppError('USER_LOCKED', 'Locked until 09:15.', { lockedUntil: '2026-11-22T09:15:00.000Z' });
    expect(toErrorData(e)).toEqual({
      code: 'USER_LOCKED',
      message: 'Locked until 09:15.',
      details: { lockedUntil: '2026-11-22T09:15:00.000Z' },
    });
    expect(toErrorData(new AppError('FORBIDDEN', 'No.'))).toEqual({ code: 'FORBIDDEN', message: 'No.' });
  });

  it('hides everything about an unknown error behind INTERNAL', () => {
    const leaky = new Error('SQLITE_CONSTRAINT: UNIQUE failed: users.pin_hash scrypt$32768$8$1$c2FsdA==$a2V5');
    const data = toErrorData(leaky);
    expect(data.code).toBe('INTERNAL');
    expect(data).not.toHaveProperty('details');
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/SQLITE|pin_hash|scrypt|at .*\.ts/);
  });

  it('does not trust a plain object that looks like an AppError', () => {
    const forged = { code: 'OK', message: '<script>alert(1)</script>', details: { admin: true } };
    expect(toErrorData(forged)).toEqual({ code: 'INTERNAL', message: expect.any(String) });
    expect(toErrorData(forged).message).not.toContain('<script>');
  });

  it('turns anything thrown into INTERNAL', () => {
    for (const thrown of [undefined, null, 'boom', 42, Symbol('x'), new TypeError('x is undefined')]) {
      expect(toErrorData(thrown).code).toBe('INTERNAL');
    }
  });

  it('builds results with ok and fail', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('NOT_FOUND', 'Gone.')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } });
    expect(fail('PIN_INVALID', 'Wrong.', { attemptsLeft: 2 })).toEqual({
      ok: false,
      error: { code: 'PIN_INVALID', message: 'Wrong.', details: { attemptsLeft: 2 } },
    });
    expect(ERROR_CODES).toContain('INTERNAL');
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
