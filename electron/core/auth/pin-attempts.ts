import type { Store } from '../db/store.js';
import { NO_ATTEMPTS, type PinAttemptState } from '../../../shared/domain/pin-lockout.js';

/** Failed PIN attempts per person on this device, kept in the local database so a lock survives a restart. */
export function createPinAttempts(store: Store) {
  const db = store.raw;
  const get = db.prepare('SELECT failures, locked_until FROM pin_attempts WHERE user_id = ?');
  const put = db.prepare(
    'INSERT INTO pin_attempts (user_id, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
  );
  const clear = db.prepare('DELETE FROM pin_attempts WHERE user_id = ?');
  return {
    read(userId: string): PinAttemptState {
      const row = get.get(userId) as { failures: number; locked_until: string | null } | undefined;
      return row
        ? { failures: row.failures, lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null }
        : NO_ATTEMPTS;
    },
    // Writes go through the store's queue so they never land inside another caller's open transaction.
    write: (userId: string, s: PinAttemptState) =>
      store.transaction(async () => {
        put.run(userId, s.failures, s.lockedUntil === null ? null : new Date(s.lockedUntil).toISOString());
      }),
    clear: (userId: string) =>
      store.transaction(async () => {
        clear.run(userId);
      }),
  };
}
export type PinAttempts = ReturnType<typeof createPinAttempts>;
