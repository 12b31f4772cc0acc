import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { sessionInfo, userTile } from '../../../shared/api/contract.js';
import { afterFailure, attemptsLeft, isLocked, sinceUnlock, strictest } from '../../../shared/domain/pin-lockout.js';
import { judgeSession, SESSION_MAX_MS } from '../../../shared/domain/session-rules.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent, DEVICE_AUDIT_ACTIONS } from '../../../shared/mutations/audit.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { EventBus } from '../events.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import { createPinAttempts } from './pin-attempts.js';
import { createSiteLockouts } from './site-lockouts.js';
import { verifyPin } from './pin-hash.js';
import { peopleAtSite, personAtSite, type Person } from './people.js';

interface Session {
  token: string;
  userId: string;
  startedAt: number;
  lastActivityAt: number;
  state: 'active' | 'locked';
}

export interface AuthDeps {
  store: Store;
  runner: MutationRunner;
  clock: Clock;
  events: EventBus;
  site: () => Promise<{ id: string; idleLockSeconds: number }>;
}

export interface SignedIn {
  session: Session;
  person: Person;
}

/**
 * PIN sign-in for a shared terminal: people pick their tile, type a PIN; five wrong PINs lock that
 * person for 15 minutes (persisted); a session ends after 8 hours and locks after the site's idle
 * time. Every sign-in, failure, lockout, lock and sign-out is written to the audit log.
 */
export function createAuthService(deps: AuthDeps) {
  const sessions = new Map<string, Session>();
  const attempts = createPinAttempts(deps.store);
  const siteLockouts = createSiteLockouts(deps.store);
  /** This kiosk's count or the site's synced events, whichever is stricter. */
  const stateOf = (siteId: string, userId: string, now: number) =>
    strictest(
      sinceUnlock(attempts.read(userId), siteLockouts.unlockedAt(siteId, userId, now)),
      siteLockouts.read(siteId, userId, now),
    );
  const iso = (ms: number) => new Date(ms).toISOString();

  const audit = (
    action: (typeof DEVICE_AUDIT_ACTIONS)[number],
    subjectUserId: string,
    actorUserId: string | null,
    detail: Record<string, string | number> = {},
  ) =>
    deps.runner.run(
      recordAuthEvent,
      { id: newId(), action, subjectUserId, detail },
      { userId: actorUserId, permissions: [] },
    );

  const info = (s: Session, p: Person, idleLockSeconds: number): z.infer<typeof sessionInfo> => ({
    token: s.token,
    user: {
      id: p.id,
      displayName: p.displayName,
      locale: p.locale,
      roleCode: p.roleCode,
      roleName: p.roleName,
      permissions: p.permissions,
      mustChangePin: p.mustChangePin,
    },
    state: s.state,
    startedAt: iso(s.startedAt),
    expiresAt: iso(s.startedAt + SESSION_MAX_MS),
    idleLockSeconds,
  });

  /** Checks a PIN against a person, counting failures and locking after the fifth. */
  async function checkPin(person: Person, pin: string): Promise<void> {
    const now = deps.clock.now();
    const state = stateOf((await deps.site()).id, person.id, now);
    if (isLocked(state, now)) {
      throw new AppError(
        'USER_LOCKED',
        `Too many wrong PINs. ${person.displayName} is locked until ${iso(state.lockedUntil!)}; ask a supervisor or wait.`,
        { lockedUntil: iso(state.lockedUntil!) },
      );
    }
    if (await verifyPin(pin, person.pinHash)) {
      if (state.failures > 0) await attempts.clear(person.id);
      return;
    }
    const next = afterFailure(state, now);
    await attempts.write(person.id, next);
    await audit('auth.sign_in_failed', person.id, null, { failures: next.failures });
    if (isLocked(next, now)) {
      await audit('auth.lockout', person.id, null, { lockedUntil: iso(next.lockedUntil!) });
      throw new AppError(
        'USER_LOCKED',
        `Too many wrong PINs. ${person.displayName} is locked until ${iso(next.lockedUntil!)}; ask a supervisor or wait.`,
        { lockedUntil: iso(next.lockedUntil!) },
      );
    }
    throw new AppError(
      'PIN_INVALID',
      `That PIN is not right. ${attemptsLeft(next)} tries left before a 15-minute lock.`,
      { attemptsLeft: attemptsLeft(next) },
    );
  }

  async function requirePerson(userId: string): Promise<Person> {
    const site = await deps.site();
    const person = await personAtSite(deps.store.db, site.id, userId);
    if (!person)
      throw new AppError('NOT_FOUND', 'That person has no role at this site. Pick your name from the list.', {
        userId,
      });
    return person;
  }

  /** False when the session had already ended: overlapping sweeps and calls must not end it twice. */
  function end(s: Session, reason: 'expired' | 'signed_out'): boolean {
    if (!sessions.delete(s.token)) return false;
    deps.events.emit({ type: 'session.ended', reason }, s.token);
    return true;
  }

  async function lock(s: Session) {
    if (s.state === 'locked') return;
    s.state = 'locked';
    deps.events.emit({ type: 'session.locked', reason: 'idle' }, s.token);
    await audit('auth.idle_lock', s.userId, s.userId);
  }

  const service = {
    async tiles(): Promise<z.infer<typeof userTile>[]> {
      const site = await deps.site();
      const now = deps.clock.now();
      return (await peopleAtSite(deps.store.db, site.id)).map((p) => {
        const a = stateOf(site.id, p.id, now);
        return {
          id: p.id,
          displayName: p.displayName,
          roleCode: p.roleCode,
          roleName: p.roleName,
          lockedUntil: isLocked(a, now) ? iso(a.lockedUntil!) : null,
        };
      });
    },

    /**
     * Checks another person's PIN without signing them in (a manager approving a void on a
     * waiter's session); wrong PINs count towards that person's lockout as at sign-in.
     */
    async confirmOtherPin(userId: string, pin: string): Promise<{ id: string; permissions: string[] }> {
      const person = await requirePerson(userId);
      await checkPin(person, pin);
      return { id: person.id, permissions: [...person.permissions] };
    },

    async signIn(userId: string, pin: string) {
      const person = await requirePerson(userId);
      await checkPin(person, pin);
      const now = deps.clock.now();
      const s: Session = {
        token: randomBytes(32).toString('base64url'),
        userId,
        startedAt: now,
        lastActivityAt: now,
        state: 'active',
      };
      sessions.set(s.token, s);
      await audit('auth.sign_in', userId, userId);
      return info(s, person, (await deps.site()).idleLockSeconds);
    },

    async unlock(token: string | null, pin: string) {
      const s = token ? sessions.get(token) : undefined;
      if (!s) throw new AppError('UNAUTHENTICATED', 'This session has ended. Sign in with your PIN.');
      // A locked session past its 8 hours ends instead of unlocking.
      await service.resolve(token, false).catch((err: unknown) => {
        if (!(err instanceof AppError) || err.code !== 'SESSION_LOCKED') throw err;
      });
      const person = await requirePerson(s.userId);
      await checkPin(person, pin);
      s.state = 'active';
      s.lastActivityAt = deps.clock.now();
      await audit('auth.unlock', s.userId, s.userId);
      return info(s, person, (await deps.site()).idleLockSeconds);
    },

    /**
     * Checks the signed-in person's PIN again, for a step they sign (a compliance approval): wrong
     * PINs count towards the same lockout as at sign-in. The session must be active.
     */
    async confirmPin(token: string | null, pin: string): Promise<SignedIn> {
      const signed = await service.resolve(token, true);
      await checkPin(signed.person, pin);
      return signed;
    },

    async signOut(token: string | null) {
      const s = token ? sessions.get(token) : undefined;
      if (!s) return;
      end(s, 'signed_out');
      await audit('auth.sign_out', s.userId, s.userId);
    },

    /**
     * The signed-in person behind `token`, after applying the session rules: an expired session
     * ends, an idle one locks. `touch` records activity (a person pressed something).
     */
    async resolve(token: string | null, touch: boolean): Promise<SignedIn> {
      const s = token ? sessions.get(token) : undefined;
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
      const site = await deps.site();
      const verdict = judgeSession(s, deps.clock.now(), site.idleLockSeconds);
      if (verdict === 'expired') {
        if (end(s, 'expired')) await audit('auth.session_expired', s.userId, s.userId);
        throw new AppError(
          'SESSION_EXPIRED',
          'Your session lasted 8 hours and has ended. Sign in again with your PIN.',
        );
      }
      if (verdict === 'idle') await lock(s);
      if (s.state === 'locked')
        throw new AppError('SESSION_LOCKED', 'The screen locked after a quiet spell. Enter your PIN to carry on.');
      const person = await personAtSite(deps.store.db, site.id, s.userId);
      if (!person) {
        end(s, 'signed_out');
        throw new AppError('UNAUTHENTICATED', 'Your role at this site was removed. Ask a supervisor.');
      }
      if (touch) s.lastActivityAt = deps.clock.now();
      return { session: s, person };
    },

    async current(token: string | null) {
      const s = token ? sessions.get(token) : undefined;
      if (!s) return null;
      const person = await personAtSite(deps.store.db, (await deps.site()).id, s.userId);
      return person ? info(s, person, (await deps.site()).idleLockSeconds) : null;
    },

    /** Periodic check: lock idle sessions and end expired ones, telling their renderers. */
    async sweep() {
      const site = await deps.site();
      const now = deps.clock.now();
      for (const s of [...sessions.values()]) {
        const verdict = judgeSession(s, now, site.idleLockSeconds);
        if (verdict === 'expired') {
          if (end(s, 'expired')) await audit('auth.session_expired', s.userId, s.userId);
        } else if (verdict === 'idle') await lock(s);
      }
    },
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
