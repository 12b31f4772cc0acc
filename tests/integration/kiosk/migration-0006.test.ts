import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { copyMigrations, dbFile } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

const COLS = ['seq', 'name', 'version', 'args', 'hlc', 'user_id', 'status', 'attempts', 'last_error', 'rows'] as const;
const HLC = (n: number) => `00017953380${String(n).padStart(5, '0')}-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a`;
const QUEUED = [
  {
    seq: 3,
    name: 'audit.recordAuthEvent',
    version: 1,
    args: '{"id":"a"}',
    hlc: HLC(1),
    user_id: null,
    status: 'applied',
    attempts: 1,
    last_error: null,
    rows: 'audit_log:a',
  },
  {
    seq: 4,
    name: 'users.create',
    version: 1,
    args: '{"id":"b"}',
    hlc: HLC(2),
    user_id: 'u1',
    status: 'rejected',
    attempts: 2,
    last_error: 'FORBIDDEN: no',
    rows: 'users:b,audit_log:c',
  },
  {
    seq: 7,
    name: 'sites.setIdleLock',
    version: 1,
    args: '{"seconds":300}',
    hlc: HLC(3),
    user_id: 'u1',
    status: 'dead',
    attempts: 9,
    last_error: 'BOOM: x',
    rows: 'sites:s',
  },
  {
    seq: 8,
    name: 'audit.recordAuthEvent',
    version: 1,
    args: '{"id":"d"}',
    hlc: HLC(4),
    user_id: null,
    status: 'pending',
    attempts: 0,
    last_error: null,
    rows: 'audit_log:d',
  },
];

describe('migration 0006 (outbox status check)', () => {
  it('rebuilds the outbox with every entry, seq and status kept, the same rule on status and the settled index', async () => {
    const dataDir = makeTempDir('shiftdeck-0006-');
    const before = openStore({ path: dbFile(dataDir), migrationsDir: copyMigrations(5) });
    await before.transaction(async () => {
      const insert = before.raw.prepare(
        `INSERT INTO outbox (${COLS.join(', ')}) VALUES (${COLS.map(() => '?').join(', ')})`,
      );
      for (const row of QUEUED) insert.run(COLS.map((c) => row[c]));
    });
    await before.close();

    const store = openStore({ path: dbFile(dataDir), migrationsDir: copyMigrations(6) });
    try {
      expect(store.migrations.applied).toEqual([6]);
      expect(store.raw.prepare(`SELECT ${COLS.join(', ')} FROM outbox ORDER BY seq`).all()).toEqual(QUEUED);
      const columns = (
        store.raw.prepare('PRAGMA table_info(outbox)').all() as { name: string; dflt_value: string | null }[]
      ).map((c) => [c.name, c.dflt_value]);
      expect(columns).toEqual([
        ['seq', null],
        ['name', null],
        ['version', null],
        ['args', null],
        ['hlc', null],
        ['user_id', null],
        ['status', "'pending'"],
        ['attempts', '0'],
        ['last_error', null],
        ['rows', "''"],
      ]);
      // The rule is written as `=` comparisons, which SQLite checks without a temporary index per INSERT.
      const table = store.raw
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
        .get() as { sql: string };
      expect(table.sql).not.toMatch(/status IN/i);
      const index = store.raw
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'outbox_settled'")
        .get() as { sql: string } | undefined;
      expect(index?.sql).toMatch(/WHERE status <> 'pending'/);
      await store.transaction(async () => {
        const info = store.raw
          .prepare("INSERT INTO outbox (name, version, args, hlc, user_id, rows) VALUES ('x', 1, '{}', ?, NULL, '')")
          .run(HLC(5));
        expect(Number(info.lastInsertRowid)).toBe(9);
        expect(store.raw.prepare('SELECT status, attempts FROM outbox WHERE seq = 9').get() as object).toEqual({
          status: 'pending',
          attempts: 0,
        });
        expect(() => store.raw.prepare("UPDATE outbox SET status = 'gone' WHERE seq = 8").run()).toThrow(
          /CHECK constraint failed/,
        );
        expect(() =>
          store.raw
            .prepare("INSERT INTO outbox (name, version, args, hlc, status) VALUES ('x', 1, '{}', 'h', 'sent')")
            .run(),
        ).toThrow(/CHECK constraint failed/);
      });
    } finally {
      await store.close();
    }
  });
});
