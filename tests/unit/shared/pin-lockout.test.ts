import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  attemptsLeft,
  isLocked,
  LOCKOUT_MS,
  MAX_PIN_FAILURES,
  NO_ATTEMPTS,
  stateFromEvents,
  strictest,
  type PinAttemptState,
  type PinEvent,
} from '../../../shared/domain/pin-lockout.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const MINUTE = 60_000;

const fail = (times: number, state: PinAttemptState = NO_ATTEMPTS, at = T0) => {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at);
  return s;
};

describe('PIN lockout rule', () => {
  it('allows five tries and locks nobody after four wrong PINs', () => {
    expect(MAX_PIN_FAILURES).toBe(5);
    const s = fail(4);
    expect(s).toEqual({ failures: 4, lockedUntil: null });
    expect(isLocked(s, T0)).toBe(false);
  });

  it('locks for 15 minutes on the fifth wrong PIN in a row', () => {
    expect(LOCKOUT_MS).toBe(15 * MINUTE);
    const s = fail(5);
    expect(s).toEqual({ failures: 5, lockedUntil: T0 + 15 * MINUTE });
    expect(isLocked(s, T0)).toBe(true);
    expect(isLocked(s, T0 + 15 * MINUTE - 1)).toBe(true);
    expect(isLocked(s, T0 + 15 * MINUTE)).toBe(false);
  });

  it('starts from nothing after a right PIN, which resets to NO_ATTEMPTS', () => {
    expect(NO_ATTEMPTS).toEqual({ failures: 0, lockedUntil: null });
    expect(Object.isFrozen(NO_ATTEMPTS)).toBe(true);
    expect(isLocked(NO_ATTEMPTS, T0)).toBe(false);
    expect(afterFailure(NO_ATTEMPTS, T0)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('starts a fresh count after a lock has run out', () => {
    const locked = fail(5);
    const later = T0 + 15 * MINUTE;
    expect(afterFailure(locked, later)).toEqual({ failures: 1, lockedUntil: null });
    expect(attemptsLeft(afterFailure(locked, later))).toBe(4);
  });

  it('counts down the attempts left, never below zero', () => {
    const left = [0, 1, 2, 3, 4, 5, 6].map((n) => attemptsLeft(fail(n)));
    expect(left).toEqual([5, 4, 3, 2, 1, 0, 0]);
  });
});

describe('PIN lockout across the kiosks of a site', () => {
  const failed = (at: number): PinEvent => ({ action: 'auth.sign_in_failed', at });
  it('counts wrong PINs from every kiosk together', () => {
    expect(stateFromEvents([failed(T0), failed(T0 + 1), failed(T0 + 2), failed(T0 + 3), failed(T0 + 4)])).toEqual({
      failures: 5,
      lockedUntil: T0 + 4 + LOCKOUT_MS,
    });
  });
  it('holds a lockout another kiosk made, and starts afresh after a right PIN anywhere', () => {
    const lock: PinEvent = { action: 'auth.lockout', at: T0, lockedUntil: T0 + LOCKOUT_MS };
    expect(isLocked(stateFromEvents([lock]), T0 + MINUTE)).toBe(true);
    expect(stateFromEvents([failed(T0), failed(T0), { action: 'auth.sign_in', at: T0 + 1 }, failed(T0 + 2)])).toEqual({
      failures: 1,
      lockedUntil: null,
    });
  });
  it('takes the stricter of this kiosk and the site', () => {
    expect(strictest({ failures: 2, lockedUntil: null }, { failures: 5, lockedUntil: T0 })).toEqual({
      failures: 5,
      lockedUntil: T0,
    });
    expect(strictest({ failures: 5, lockedUntil: T0 + 1 }, { failures: 1, lockedUntil: T0 })).toEqual({
      failures: 5,
      lockedUntil: T0 + 1,
    });
  });
});
