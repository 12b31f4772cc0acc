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

/** A synced sign-in event of one person, from any kiosk of the site, with its HLC wall time. */
export interface PinEvent {
  action: 'auth.sign_in_failed' | 'auth.lockout' | 'auth.sign_in' | 'auth.unlock';
  at: number;
  /** For a lockout: until when that kiosk locked the person. */
  lockedUntil?: number | null;
}

/**
 * The person's state at the site, from every kiosk's events in HLC order: wrong PINs count
 * across kiosks, a lockout made on one kiosk holds on all, a right PIN anywhere starts afresh.
 */
export function stateFromEvents(events: readonly PinEvent[]): PinAttemptState {
  let s: PinAttemptState = NO_ATTEMPTS;
  for (const e of events) {
    if (e.action === 'auth.sign_in' || e.action === 'auth.unlock') s = NO_ATTEMPTS;
    else if (e.action === 'auth.sign_in_failed') s = afterFailure(s, e.at);
    else if (e.lockedUntil && (s.lockedUntil === null || e.lockedUntil > s.lockedUntil))
      s = { failures: Math.max(s.failures, MAX_PIN_FAILURES), lockedUntil: e.lockedUntil };
  }
  return s;
}

/** The stricter of two views of one person (this kiosk's own count, the site's synced events). */
export function strictest(a: PinAttemptState, b: PinAttemptState): PinAttemptState {
  const lockedUntil =
    a.lockedUntil === null
      ? b.lockedUntil
      : b.lockedUntil === null
        ? a.lockedUntil
        : Math.max(a.lockedUntil, b.lockedUntil);
  return { failures: Math.max(a.failures, b.failures), lockedUntil };
}

/**
 * This kiosk's own count of a person, unless the site's events unlocked them after it locked (an
 * administrator's unlock on another kiosk): that lock is lifted here too, as soon as it syncs.
 */
export function sinceUnlock(local: PinAttemptState, unlockedAt: number | null): PinAttemptState {
  if (unlockedAt === null || local.lockedUntil === null) return local;
  return local.lockedUntil - LOCKOUT_MS <= unlockedAt ? NO_ATTEMPTS : local;
}
