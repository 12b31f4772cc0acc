import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { renameUser, setUserPin } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { outboxCounts, replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const HUGO = demoUserId('restaurant', 'Hugo Moreau');
const person = (k: Kiosk) =>
  k.store.raw.prepare('SELECT display_name, pin_hash FROM users WHERE id = ?').get(HUGO) as {
    display_name: string;
    pin_hash: string;
  };

describe('users.rename', () => {
  it('renames a person on the kiosk and centrally, with an audit entry; refused centrally for someone without users.manage', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const auditId = newId();
    await kiosk.runner.run(renameUser, { userId: HUGO, displayName: '  Hugo M.  ', auditId }, admin);
    expect(person(kiosk).display_name).toBe('Hugo M.');
    // The same name again changes nothing and writes no entry.
    await kiosk.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo M.', auditId: newId() }, admin);
    await kiosk.sync!.syncNow();
    const central = await service.db.admin
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', HUGO)
      .executeTakeFirstOrThrow();
    expect(central.display_name).toBe('Hugo M.');
    const entries = await sql<{
      action: string;
      detail: string;
    }>`SELECT action, detail FROM audit_log WHERE subject_user_id = ${HUGO} AND action = 'users.renamed'`.execute(
      service.db.admin,
    );
    expect(entries.rows).toEqual([
      { action: 'users.renamed', detail: JSON.stringify({ from: 'Hugo Moreau', to: 'Hugo M.' }) },
    ]);

    // A waiter the kiosk wrongly believes may manage people: refused by the server, undone here.
    await kiosk.runner.run(
      renameUser,
      { userId: HUGO, displayName: 'Renamed by a waiter', auditId: newId() },
      { userId: demoUserId('restaurant', 'Hugo Moreau'), permissions: ['users.manage'] },
    );
    await kiosk.sync!.syncNow();
    expect(person(kiosk).display_name).toBe('Hugo M.');
    expect((await statusOf(kiosk)).conflictCount).toBe(1);
    await expect(
      kiosk.runner.run(renameUser, { userId: newId(), displayName: 'Nobody', auditId: newId() }, admin),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });
});

describe('merging concurrent edits of one row', () => {
  it('keeps both when two offline kiosks change different fields of the same person, in either push order', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant');
    for (const [first, second, round] of [
      [a, b, 1],
      [b, a, 2],
    ] as const) {
      const name = `Hugo ${round}`;
      const pin = await cheapHashPin(`${round}${round}${round}${round}`);
      // Both offline: A renames, B sets the PIN, each on its own copy of the row.
      await a.runner.run(renameUser, { userId: HUGO, displayName: name, auditId: newId() }, admin);
      await b.runner.run(setUserPin, { userId: HUGO, pinHash: pin, auditId: newId() }, admin);
      await first.sync!.syncNow();
      await second.sync!.syncNow();
      await first.sync!.syncNow();
      for (const k of [a, b]) {
        expect(person(k), `round ${round}`).toEqual({ display_name: name, pin_hash: pin });
        expect(outboxCounts(k)).not.toHaveProperty('pending');
        expect(await replicaDiff(k, service.db.admin)).toEqual([]);
      }
    }
    // Neither change replaced a value written later: no conflict for a supervisor (in round 2 the
    // rename, stamped before the PIN change, is applied after it, on another field).
    const conflicts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(service.db.admin);
    expect(conflicts.rows[0].n).toBe(0);
    expect((await statusOf(a)).conflictCount).toBe(0);
  });

  it("dates the fields of a row from before per-field stamps by the row's timestamp", async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    // As if the row had last been written long ago, before migration 0006: the rename is later.
    await sql`UPDATE users SET _field_hlc = '{}'::jsonb, _hlc = ${'0000000000000001-0000-x'} WHERE id = ${HUGO}`.execute(
      service.db.admin,
    );
    await kiosk.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo again', auditId: newId() }, admin);
    await kiosk.sync!.syncNow();
    const row = await sql<{
      name: string;
      f: Record<string, string>;
    }>`SELECT display_name AS name, _field_hlc AS f FROM users WHERE id = ${HUGO}`.execute(service.db.admin);
    expect(row.rows[0].name).toBe('Hugo again');
    // The row now knows its other fields date from that old timestamp, and the rename from its own.
    expect(row.rows[0].f['*']).toBe('0000000000000001-0000-x');
    expect(row.rows[0].f.display_name > '0000000000000001-0000-x').toBe(true);

    // Written (as far as the row says) after anything this kiosk does: the rename is set aside.
    await sql`UPDATE users SET _field_hlc = '{}'::jsonb, _hlc = ${'9999999999999999-0000-x'} WHERE id = ${HUGO}`.execute(
      service.db.admin,
    );
    await kiosk.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo once more', auditId: newId() }, admin);
    await kiosk.sync!.syncNow();
    expect(person(kiosk).display_name).toBe('Hugo again');
    const conflicts = await sql<{ code: string; args: string }>`SELECT code, args FROM conflicts`.execute(
      service.db.admin,
    );
    expect(conflicts.rows.map((c) => c.code)).toEqual(['LATER_EDIT_WON']);
    expect(JSON.parse(conflicts.rows[0].args).changes).toMatchObject([
      {
        table: 'users',
        id: HUGO,
        field: 'display_name',
        mine: 'Hugo once more',
        kept: 'Hugo again',
        keptDeviceId: null,
      },
    ]);
  });
});
