import { describe, expect, it } from 'vitest';
import { demoSite } from '../../../shared/demo.js';
import { roleId } from '../../../shared/ids.js';
import { verifyPin } from '../../../electron/core/auth/pin-hash.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { call, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';

const SCRYPT = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

/** Every text cell of every table, as (table, column, value). */
function everyCell(kiosk: Kiosk) {
  const tables = (
    kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((t) => t.name);
  return tables.flatMap((t) =>
    (kiosk.store.raw.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.entries(row).map(([col, v]) => ({ t, col, v: String(v) })),
    ),
  );
}

describe('PINs at rest', () => {
  it('stores a salted scrypt hash for every person, never the PIN', async () => {
    const { kiosk } = await makeKiosk();
    const rows = kiosk.store.raw.prepare('SELECT id, display_name, pin_hash FROM users').all() as {
      id: string;
      display_name: string;
      pin_hash: string;
    }[];
    expect(rows.length).toBe(demoSite('restaurant').people.length);
    for (const row of rows) {
      const pin = demoSite('restaurant').people.find((p) => p.name === row.display_name)!.pin;
      expect(row.pin_hash).toMatch(SCRYPT);
      expect(row.pin_hash).not.toBe(pin);
      expect(await verifyPin(pin, row.pin_hash)).toBe(true);
    }
    // Each hash has its own salt, so two people with the same PIN do not share a hash.
    const salts = rows.map((r) => r.pin_hash.split('$')[4]);
    expect(new Set(salts).size).toBe(rows.length);
  });

  it('keeps a new PIN out of every table, the outbox included', async () => {
    const { kiosk } = await makeKiosk();
    const admin = await signIn(kiosk, 'admin');
    const pin = '48291736';
    const r = await call(
      kiosk,
      'admin.createUser',
      { displayName: 'Inès Faure', locale: 'fr', pin, roleId: roleId('waiter') },
      admin,
    );
    expect(r.ok).toBe(true);
    const id = (r as { ok: true; value: { id: string } }).value.id;
    const stored = (kiosk.store.raw.prepare('SELECT pin_hash FROM users WHERE id = ?').get(id) as { pin_hash: string })
      .pin_hash;
    expect(stored).toMatch(SCRYPT);
    const queued = kiosk.store.raw.prepare("SELECT args FROM outbox WHERE name = 'users.create'").get() as {
      args: string;
    };
    expect(JSON.parse(queued.args).pinHash).toBe(stored);
    expect(everyCell(kiosk).filter((c) => c.v.includes(pin))).toEqual([]);
    expect(await call(kiosk, 'auth.signIn', { userId: id, pin })).toMatchObject({ ok: true });
  });

  it("refuses another person's PIN", async () => {
    const { kiosk } = await makeKiosk();
    const staff = demoPerson('staff');
    const r = await call(kiosk, 'auth.signIn', { userId: staff.id, pin: demoPerson('admin').pin });
    expect(r).toMatchObject({ ok: false, error: { code: 'PIN_INVALID' } });
  });
});
