import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { copyMigrations } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

const columns = (db: { prepare(sql: string): { all(): unknown[] } }, table: string) =>
  (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

describe('local migration 0007 (site hub)', () => {
  it('adds the hub tables and the tentative mutations to a 0006 database, leaving its outbox as it was', async () => {
    const path = join(makeTempDir('shiftdeck-m7-'), 'shiftdeck.db');
    const old = openStore({ path, migrationsDir: copyMigrations(6) });
    old.raw
      .prepare(
        "INSERT INTO outbox (name, version, args, hlc, user_id, rows) VALUES ('audit.recordAuthEvent', 1, '{}', '0001795338000000-0000-x', NULL, 'audit_log:a')",
      )
      .run();
    const before = old.raw.prepare('SELECT * FROM outbox').all();
    await old.close();

    // Up to this migration only: later ones may add outbox columns (0008 adds sig).
    const store = openStore({ path, migrationsDir: copyMigrations(7) });
    try {
      expect(store.raw.prepare('SELECT * FROM outbox').all()).toEqual(before);
      expect(columns(store.raw, 'hub_devices')).toEqual(['token_hash', 'device_id', 'token', 'seen_at']);
      expect(columns(store.raw, 'hub_relay')).toEqual([
        'device_id',
        'seq',
        'json',
        'writes',
        'client_time',
        'received_at',
        'status',
        'settle_mark',
      ]);
      expect(columns(store.raw, 'hub_stream')).toEqual(['tbl', 'id', 'stream', 'version', 'row']);
      expect(columns(store.raw, 'tentative_mutations')).toEqual([
        'device_id',
        'seq',
        'name',
        'version',
        'args',
        'hlc',
        'user_id',
        'rows',
      ]);
      // A relayed mutation is held, or carries shore's answer: nothing else.
      expect(() =>
        store.raw
          .prepare(
            "INSERT INTO hub_relay (device_id, seq, json, client_time, received_at, status) VALUES ('d', 1, '{}', 0, 0, 'lost')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      await store.close();
    }
  });
});
