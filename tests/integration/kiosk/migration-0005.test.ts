import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { copyMigrations } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

const columns = (db: { prepare(sql: string): { all(): unknown[] } }, table: string) =>
  (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

describe('local migration 0005 (shore recovery)', () => {
  it('adds the retention table and the re-pull bookkeeping to a 0004 database, leaving its outbox as it was', async () => {
    const path = join(makeTempDir('shiftdeck-m5-'), 'shiftdeck.db');
    const old = openStore({ path, migrationsDir: copyMigrations(4) });
    old.raw
      .prepare(
        "INSERT INTO outbox (name, version, args, hlc, user_id, rows) VALUES ('audit.recordAuthEvent', 1, '{}', '0001795338000000-0000-x', NULL, 'audit_log:a')",
      )
      .run();
    const before = old.raw.prepare('SELECT * FROM outbox').all();
    await old.close();

    // Up to this migration only: later ones may add outbox columns (0008 adds sig).
    const store = openStore({ path, migrationsDir: copyMigrations(5) });
    try {
      expect(store.raw.prepare('SELECT * FROM outbox').all()).toEqual(before);
      expect(columns(store.raw, 'settled_mutations')).toEqual([
        'seq',
        'name',
        'version',
        'args',
        'hlc',
        'user_id',
        'rows',
        'settled_at',
      ]);
      expect(columns(store.raw, 'resync_seen')).toEqual(['tbl', 'id']);
      expect(store.raw.prepare('SELECT COUNT(*) AS n FROM settled_mutations').get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
