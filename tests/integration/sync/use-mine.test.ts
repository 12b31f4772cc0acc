import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { useMine } from '../../../shared/mutations/conflicts.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { replicaDiff } from '../../helpers/replicas.js';
import { lostCourseChange } from '../../helpers/lost-edit-scenario.js';

const MIN = 60_000;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };

const course = (k: { store: { raw: { prepare(s: string): { get(...a: unknown[]): unknown } } } }, id: string) =>
  (k.store.raw.prepare('SELECT course FROM students WHERE id = ?').get(id) as { course: string }).course;

describe('use mine instead', () => {
  it('lists the lost edit in words on the kiosk that made it, and puts its value back as a new edit that reaches every kiosk', async () => {
    const { w, vessel, shore, id } = await lostCourseChange();
    const token = await signIn(vessel, 'manager');
    const listed = await call(vessel, 'sync.conflicts', {}, token);
    if (!listed.ok) throw new Error(listed.error.message);
    const { conflicts } = listed.value as {
      conflicts: { id: string; personName: string | null; lost: { deviceName: string; changes: unknown[] } | null }[];
    };
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].personName).toBe('Sophie Laurent');
    expect(conflicts[0].lost).toMatchObject({
      deviceName: 'Bridge tablet',
      changes: [
        {
          table: 'students',
          field: 'course',
          recordName: 'Ana Ribeiro',
          mine: 'Spanish A1',
          kept: 'French B2',
          secret: false,
          keptDeviceName: 'Shore office',
        },
      ],
    });

    w.advance(MIN);
    expect(await call(vessel, 'sync.useMine', { id: conflicts[0].id }, token)).toMatchObject({ ok: true });
    await vessel.sync!.syncNow();
    await shore.sync!.syncNow();
    const central = await w.service.db.admin
      .selectFrom('students')
      .select('course')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(central.course).toBe('Spanish A1');
    // The classes still ahead follow the course put back, as after any change of course.
    const ahead = await sql<{
      course: string;
    }>`SELECT DISTINCT course FROM classes WHERE student_id = ${id} AND deleted_at IS NULL AND starts_at > ${'2026-11-23T12:00:00Z'}`.execute(
      w.service.db.admin,
    );
    expect(ahead.rows).toEqual([{ course: 'Spanish A1' }]);
    const open = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts WHERE resolved_at IS NULL`.execute(
      w.service.db.admin,
    );
    expect(open.rows[0].n).toBe(0);
    for (const k of [vessel, shore]) {
      expect(course(k, id)).toBe('Spanish A1');
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }
  });

  it('is checked by shore like any other change: someone without the right to edit students is refused, and the conflict stays open', async () => {
    const { w, vessel, id } = await lostCourseChange();
    const conflictId = (vessel.store.raw.prepare('SELECT id FROM conflicts').get() as { id: string }).id;
    // A waiter on a kiosk that wrongly believes they may do anything.
    const waiter = { userId: demoUserId('restaurant', 'Hugo Moreau'), permissions: [...PERMISSIONS] };
    await vessel.runner.run(useMine, { id: conflictId }, waiter);
    await vessel.sync!.syncNow();
    const central = await w.service.db.admin
      .selectFrom('students')
      .select('course')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(central.course).toBe('French B2');
    expect(course(vessel, id)).toBe('French B2');
    const rows = await sql<{
      code: string;
      resolved: boolean;
    }>`SELECT code, resolved_at IS NOT NULL AS resolved FROM conflicts ORDER BY created_at`.execute(w.service.db.admin);
    expect(rows.rows).toEqual([
      { code: 'LATER_EDIT_WON', resolved: false },
      { code: 'FORBIDDEN', resolved: false },
    ]);
    // The kiosk's own reading of a record that is not a lost edit: refused with a reason, nothing changed.
    const forbidden = (
      vessel.store.raw.prepare("SELECT id FROM conflicts WHERE code = 'FORBIDDEN'").get() as { id: string }
    ).id;
    await expect(vessel.runner.run(useMine, { id: forbidden }, admin)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
