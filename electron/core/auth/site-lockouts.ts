import {
  LOCKOUT_MS,
  stateFromEvents,
  type PinAttemptState,
  type PinEvent,
} from '../../../shared/domain/pin-lockout.js';
import { decodeHlc } from '../../../shared/hlc.js';
import type { Store } from '../db/store.js';

/**
 * How far back the site's sign-in events are read: the audit log is indexed by site and time,
 * not by person, and a day is many lockouts long.
 */
const LOOKBACK_MS = 24 * 3600_000 + LOCKOUT_MS;

/**
 * A person's PIN state at the site as every kiosk's synced audit rows tell it: the failures and
 * lockouts of other kiosks arrive with each pull (they are written through
 * audit.recordAuthEvent, pushed right after the commit), so a person locked out on the galley
 * kiosk is locked out on the bridge as soon as the failures sync.
 */
export function createSiteLockouts(store: Store) {
  const events = store.raw.prepare(`
    SELECT action, hlc, detail FROM audit_log
    WHERE site_id = ? AND created_at >= ? AND subject_user_id = ?
      AND action IN ('auth.sign_in_failed', 'auth.lockout', 'auth.sign_in', 'auth.unlock')
    ORDER BY hlc, id`);
  const lastUnlock = store.raw.prepare(`
    SELECT hlc FROM audit_log
    WHERE site_id = ? AND created_at >= ? AND subject_user_id = ? AND action = 'auth.unlock'
    ORDER BY hlc DESC LIMIT 1`);
  return {
    /** When the person was last unlocked at the site (their own PIN, or an administrator), by HLC wall time. */
    unlockedAt(siteId: string, userId: string, now: number): number | null {
      const row = lastUnlock.get(siteId, new Date(now - LOOKBACK_MS).toISOString(), userId) as
        { hlc: string } | undefined;
      return row ? wallOf(row.hlc) : null;
    },
    read(siteId: string, userId: string, now: number): PinAttemptState {
      const rows = events.all(siteId, new Date(now - LOOKBACK_MS).toISOString(), userId) as {
        action: PinEvent['action'];
        hlc: string;
        detail: string;
      }[];
      return stateFromEvents(
        rows.map((r) => ({
          action: r.action,
          at: wallOf(r.hlc),
          lockedUntil: r.action === 'auth.lockout' ? lockedUntilOf(r.detail) : null,
        })),
      );
    },
  };
}

const wallOf = (hlc: string) => {
  try {
    return decodeHlc(hlc).wall;
  } catch {
    return 0;
  }
};

const lockedUntilOf = (detail: string): number | null => {
  try {
    const v = (JSON.parse(detail) as { lockedUntil?: unknown }).lockedUntil;
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
};
