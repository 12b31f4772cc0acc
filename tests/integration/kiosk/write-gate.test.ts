import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { SYNCED_TABLES } from '../../../shared/schema.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';

/** The tables the first migration syncs; each holds rows once the demo site is seeded. */
const TABLES = ['sites', 'roles', 'users', 'user_roles', 'audit_log'] as const;

type Row = Record<string, unknown>;

const everything = (kiosk: Kiosk, table: string) =>
  kiosk.store.raw.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();

/** An existing row of `table`, and a copy of it with a fresh id (and code) that would insert cleanly. */
function rowsOf(kiosk: Kiosk, table: string) {
  const existing = kiosk.store.raw.prepare(`SELECT * FROM "${table}" ORDER BY id LIMIT 1`).get() as Row | undefined;
  if (!existing) throw new Error(`the demo seed left ${table} empty`);
  const copy: Row = { ...existing, id: newId() };
  if (table === 'roles') copy.code = `copy_${existing.code as string}`;
  return { existing, copy };
}

const insertSql = (table: string, row: Row) => {
  const cols = Object.keys(row);
  return {
    sql: `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    params: cols.map((c) => row[c]),
  };
};

describe('write gate on synced tables', () => {
  it('puts the gate triggers on every synced table', async () => {
    const { kiosk } = await makeKiosk();
    const triggers = new Set(
      (
        kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]
      ).map((t) => t.name),
    );
    for (const table of SYNCED_TABLES) {
      expect(triggers.has(`${table}_gate_insert`), table).toBe(true);
      expect(triggers.has(`${table}_gate_update`) || triggers.has(`${table}_insert_only_update`), table).toBe(true);
      expect(triggers.has(`${table}_gate_delete`) || triggers.has(`${table}_insert_only_delete`), table).toBe(true);
    }
  });

  it.each(TABLES)('refuses INSERT, UPDATE and DELETE on %s through the raw connection', async (table) => {
    const { kiosk } = await makeKiosk();
    const { existing, copy } = rowsOf(kiosk, table);
    const before = everything(kiosk, table);
    const ins = insertSql(table, copy);
    const refused =
      table === 'audit_log' ? /SYNCED_WRITE_OUTSIDE_MUTATION|INSERT_ONLY/ : /SYNCED_WRITE_OUTSIDE_MUTATION/;
    expect(kiosk.store.gate.isOpen).toBe(false);
    expect(() => kiosk.store.raw.prepare(ins.sql).run(ins.params)).toThrow(/SYNCED_WRITE_OUTSIDE_MUTATION/);
    expect(() =>
      kiosk.store.raw.prepare(`UPDATE "${table}" SET updated_at = 'later' WHERE id = ?`).run(existing.id),
    ).toThrow(refused);
    expect(() => kiosk.store.raw.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(existing.id)).toThrow(refused);
    expect(everything(kiosk, table)).toEqual(before);
  });

  it.each(TABLES)('refuses writes to %s from a second connection that lacks sd_write_allowed', async (table) => {
    const { kiosk, dataDir } = await makeKiosk();
    const { existing, copy } = rowsOf(kiosk, table);
    const before = everything(kiosk, table);
    const other = openSecondConnection(dataDir);
    const ins = insertSql(table, copy);
    expect(() => other.prepare(ins.sql).run(ins.params)).toThrow(/sd_write_allowed/);
    expect(() => other.prepare(`UPDATE "${table}" SET updated_at = 'later' WHERE id = ?`).run(existing.id)).toThrow(
      /no such function: sd_|INSERT_ONLY/,
    );
    expect(() => other.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(existing.id)).toThrow(
      /no such function: sd_|INSERT_ONLY/,
    );
    // The refusal is the gate's, not a bad row: the same insert goes through with the gate open.
    kiosk.store.raw.exec('BEGIN');
    try {
      expect(kiosk.store.gate.open(() => kiosk.store.raw.prepare(ins.sql).run(ins.params).changes)).toBe(1);
    } finally {
      kiosk.store.raw.exec('ROLLBACK');
    }
    expect(everything(kiosk, table)).toEqual(before);
  });

  it('never lets an audit_log row change or go, even with the gate open', async () => {
    const { kiosk } = await makeKiosk();
    const before = everything(kiosk, 'audit_log');
    expect(before.length).toBeGreaterThan(0);
    const { existing } = rowsOf(kiosk, 'audit_log');
    kiosk.store.gate.open(() => {
      expect(kiosk.store.gate.isOpen).toBe(true);
      expect(() =>
        kiosk.store.raw.prepare("UPDATE audit_log SET action = 'auth.nothing_happened' WHERE id = ?").run(existing.id),
      ).toThrow(/INSERT_ONLY/);
      expect(() => kiosk.store.raw.prepare('DELETE FROM audit_log WHERE id = ?').run(existing.id)).toThrow(
        /INSERT_ONLY/,
      );
      expect(() => kiosk.store.raw.prepare('DELETE FROM audit_log').run()).toThrow(/INSERT_ONLY/);
    });
    expect(everything(kiosk, 'audit_log')).toEqual(before);
  });

  it('closes again when the code that opened it returns or throws, nested or not', async () => {
    const { kiosk } = await makeKiosk();
    const gate = kiosk.store.gate;
    gate.open(() => {
      gate.open(() => expect(gate.isOpen).toBe(true));
      expect(gate.isOpen).toBe(true);
    });
    expect(gate.isOpen).toBe(false);
    expect(() =>
      gate.open(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(gate.isOpen).toBe(false);
    await expect(
      gate.openAsync(async () => {
        throw new Error('later boom');
      }),
    ).rejects.toThrow('later boom');
    expect(gate.isOpen).toBe(false);
  });
});
