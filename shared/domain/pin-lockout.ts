/**
 * PIN lockout rule: the fifth wrong PIN in a row locks that person out for 15 minutes; a right PIN
 * clears the count; a lock that has run out starts a fresh count.
 */
export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface PinAttemptState {
  failures: number;
  lockedUntil: number | null;
}

export const NO_ATTEMPTS: PinAttemptState = Object.freeze({ failures: 0, lockedUntil: null });

export function isLocked(state: PinAttemptState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** The state after a wrong PIN at `now`. */
export function afterFailure(state: PinAttemptState, now: number): PinAttemptState {
  const fresh = state.lockedUntil !== null && now >= state.lockedUntil ? NO_ATTEMPTS : state;
  const failures = fresh.failures + 1;
  return failures >= MAX_PIN_FAILURES ? { failures, lockedUntil: now + LOCKOUT_MS } : { failures, lockedUntil: null };
}

export function attemptsLeft(state: PinAttemptState): number {
  return Math.max(0, MAX_PIN_FAILURES - state.failures);
}
