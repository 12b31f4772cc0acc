import { SYNCED_TABLES } from '../../../shared/schema.js';
import type { Store } from '../db/store.js';

/** Columns that point at a person in the synced tables (user_id, actor_user_id, recorded_by, ...). */
const POINTS_AT_PERSON = /^(user_id|.+_user_id|.+_by)$/;
/** Secrets are never exported, even hashed. */
const SECRET = new Set(['pin_hash', 'pin_history']);

const withoutSecrets = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET.has(k)));

/**
 * Everything the site's replica holds about one person (a GDPR access request): their users row
 * and every row of every synced table with a column pointing at them, read from the tables' own
 * columns so a table added later is exported without a change here. Scoped to the site.
 */
export function exportPerson(store: Store, siteId: string, userId: string) {
  const person = store.raw.prepare('SELECT * FROM users WHERE id = ? AND site_id = ?').get(userId, siteId) as
    Record<string, unknown> | undefined;
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of SYNCED_TABLES) {
    if (table === 'users') continue;
    const cols = (store.raw.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const pointers = cols.filter((c) => POINTS_AT_PERSON.test(c));
    if (table === 'person_security') pointers.push('id');
    if (pointers.length === 0 || !cols.includes('site_id')) continue;
    const rows = store.raw
      .prepare(
        `SELECT * FROM "${table}" WHERE site_id = ? AND (${pointers.map((c) => `"${c}" = ?`).join(' OR ')}) ORDER BY created_at, id`,
      )
      .all(siteId, ...pointers.map(() => userId)) as Record<string, unknown>[];
    if (rows.length) tables[table] = rows.map(withoutSecrets);
  }
  return { person: person ? withoutSecrets(person) : null, tables };
}
