import { AppError } from '../../../shared/errors.js';
import { parseRolePermissions } from '../../../shared/domain/role-upgrade.js';
import type { Store } from '../db/store.js';
import { verifyPin } from '../auth/pin-hash.js';

/**
 * Refuses a new PIN already used at the site: by anyone active there now, or by this person
 * before (the hashes kept in person_security). Runs on the kiosk where the PIN is typed, the only
 * place that ever knows it: the service sees hashes alone and cannot compare salted hashes. Each
 * comparison is one scrypt; they run in parallel in libuv's pool, so a site of 40 people costs
 * about a second at the real cost, once per PIN change.
 */
export async function refuseReusedPin(store: Store, siteId: string, pin: string, userId: string | null): Promise<void> {
  const active = store.raw
    .prepare('SELECT id, pin_hash FROM users WHERE site_id = ? AND active = 1 AND deleted_at IS NULL')
    .all(siteId) as { id: string; pin_hash: string }[];
  const row = (sql: string) =>
    (userId ? store.raw.prepare(sql).get(userId) : undefined) as Record<string, string> | undefined;
  const current = row('SELECT pin_hash FROM users WHERE id = ?')?.pin_hash;
  const kept = parseRolePermissions(row('SELECT pin_history FROM person_security WHERE id = ?')?.pin_history ?? '[]');
  const own = current ? [current, ...kept] : kept;
  const others = active.filter((u) => u.id !== userId).map((u) => u.pin_hash);
  const [mine, theirs] = await Promise.all([
    Promise.all(own.map((h) => verifyPin(pin, h))),
    Promise.all(others.map((h) => verifyPin(pin, h))),
  ]);
  if (mine.some(Boolean))
    throw new AppError('CONFLICT', 'This person used that PIN before. Choose a PIN they have not used.', {
      field: 'pin',
      reason: 'pin_reused',
    });
  if (theirs.some(Boolean))
    throw new AppError('CONFLICT', 'Someone at this site already uses that PIN. Choose another PIN.', {
      field: 'pin',
      reason: 'pin_in_use',
    });
}
