import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createStudent, updateStudent } from '../../../shared/classes/mutations.js';
import { changedStudentFields } from '../../../shared/classes/student-edits.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { renameUser } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { LATER_EDIT_WON, lostEditDetail } from '../../../shared/sync/lost-edit.js';
import { outboxCounts, replicaDiff } from '../../helpers/replicas.js';
import { startService } from '../../helpers/sync.js';
import { sharedTime, T0 } from '../../helpers/shared-time.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const HUGO = demoUserId('restaurant', 'Hugo Moreau');

const centralConflicts = async (service: Awaited<ReturnType<typeof startService>>) =>
  (
    await sql<{
      device_id: string;
      code: string;
      kind: string;
      mutation: string;
      args: string;
    }>`SELECT device_id::text, code, kind, mutation, args FROM conflicts ORDER BY created_at`.execute(service.db.admin)
  ).rows;

describe('the edit made later wins, whatever order edits reach shore in', () => {
  it('keeps a later online change of a course over an earlier one made offline that reaches shore last', async () => {
    const w = await sharedTime();
    const vessel = await w.kiosk('Bridge tablet');
    const shore = await w.kiosk('Shore office');
    const id = newId();
    const fields = {
      firstName: 'Ana',
      lastName: 'Ribeiro',
      course: 'French B1',
      startDate: '2026-11-23',
      endDate: null,
      schedule: [{ weekday: 1, start: '18:00', durationMinutes: 60 }],
    };
    await shore.runner.run(createStudent, { id, logId: newId(), ...fields }, admin);
    await shore.sync!.syncNow();
    await vessel.sync!.syncNow();

    // At sea: the vessel changes the course at 09:01 and stays offline.
    w.advance(MIN);
    await vessel.runner.run(updateStudent, { id, logId: newId(), ...fields, course: 'Spanish A1' }, admin);
    // Ashore, at 09:05, someone changes it again; that change reaches shore at once.
    w.advance(4 * MIN);
    await shore.runner.run(updateStudent, { id, logId: newId(), ...fields, course: 'French B2' }, admin);
    await shore.sync!.syncNow();
    // A week later the vessel comes back: its older change arrives last.
    w.advance(7 * DAY);
    await vessel.sync!.syncNow();
    await shore.sync!.syncNow();
    await vessel.sync!.syncNow();

    const central = await w.service.db.admin
      .selectFrom('students')
      .select(['course', 'first_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(central).toEqual({ course: 'French B2', first_name: 'Ana' });
    for (const k of [vessel, shore]) {
      expect(
        (k.store.raw.prepare('SELECT course FROM students WHERE id = ?').get(id) as { course: string }).course,
      ).toBe('French B2');
      expect(outboxCounts(k)).not.toHaveProperty('pending');
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }

    // The older edit is one readable conflict record: which field, both values, when and where.
    const conflicts = await centralConflicts(w.service);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      device_id: vessel.deviceId,
      code: LATER_EDIT_WON,
      kind: 'overwritten',
      mutation: 'classes.updateStudent',
    });
    const detail = lostEditDetail.parse(JSON.parse(conflicts[0].args));
    expect(detail).toEqual({
      madeAt: new Date(T0 + MIN).toISOString(),
      deviceName: 'Bridge tablet',
      changes: [
        {
          table: 'students',
          id,
          field: 'course',
          mine: 'Spanish A1',
          kept: 'French B2',
          keptAt: new Date(T0 + 5 * MIN).toISOString(),
          keptDeviceId: shore.deviceId,
          keptDeviceName: 'Shore office',
        },
      ],
    });
    // ...and it reached the vessel that made the edit.
    const onVessel = vessel.store.raw.prepare('SELECT code FROM conflicts WHERE resolved_at IS NULL').all();
    expect(onVessel).toEqual([{ code: LATER_EDIT_WON }]);
  });

  it('judges a kiosk whose clock runs days ahead by the offset the service measured for it', async () => {
    const w = await sharedTime();
    const ahead = await w.kiosk('Galley tablet', 3 * DAY);
    const right = await w.kiosk('Back office');
    await ahead.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo (galley, 09:00)', auditId: newId() }, admin);
    w.advance(MIN);
    await right.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo (office, 09:01)', auditId: newId() }, admin);
    await right.sync!.syncNow();
    w.advance(MIN);
    // Its own clock says three days later than the office's change; the service knows better.
    await ahead.sync!.syncNow();
    await right.sync!.syncNow();
    const central = await w.service.db.admin
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', HUGO)
      .executeTakeFirstOrThrow();
    expect(central.display_name).toBe('Hugo (office, 09:01)');
    expect((await centralConflicts(w.service)).map((c) => c.device_id)).toEqual([ahead.deviceId]);
    const offset = await w.service.db.admin
      .selectFrom('devices')
      .select('clock_offset_ms')
      .where('id', '=', ahead.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(offset.clock_offset_ms)).toBe(3 * DAY);
  });

  it('never lets an edit count as made later than the moment shore received it', async () => {
    const w = await sharedTime();
    // Three days ahead when it makes the edit, then its clock is put right before it syncs: the
    // offset measured on the push is 0 and cannot explain the edit's stamp.
    const ahead = await w.kiosk('Galley tablet', 3 * DAY);
    const right = await w.kiosk('Back office');
    const offline = await w.kiosk('Deck tablet');
    await ahead.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo (galley)', auditId: newId() }, admin);
    ahead.setSkew(0);
    w.advance(MIN);
    await ahead.sync!.syncNow();
    // Made after shore received the galley's edit: later, whatever the galley's clock said.
    w.advance(MIN / 2);
    await offline.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo (deck)', auditId: newId() }, admin);
    w.advance(MIN / 2);
    await right.runner.run(renameUser, { userId: HUGO, displayName: 'Hugo (office)', auditId: newId() }, admin);
    await right.sync!.syncNow();
    // The deck tablet's edit, made between the two, arrives last and loses to the office's only.
    w.advance(10 * MIN);
    await offline.sync!.syncNow();
    for (const k of [ahead, right]) await k.sync!.syncNow();
    const central = await w.service.db.admin
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', HUGO)
      .executeTakeFirstOrThrow();
    expect(central.display_name).toBe('Hugo (office)');
    const conflicts = await centralConflicts(w.service);
    expect(conflicts.map((c) => c.device_id)).toEqual([offline.deviceId]);
    expect(lostEditDetail.parse(JSON.parse(conflicts[0].args)).changes[0]).toMatchObject({
      mine: 'Hugo (deck)',
      kept: 'Hugo (office)',
      keptDeviceName: 'Back office',
    });
    for (const k of [ahead, right, offline]) expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
  });

  it('a later edit of one field on a form opened before another kiosk changed a different field keeps that change', async () => {
    const w = await sharedTime();
    const vessel = await w.kiosk('Bridge tablet');
    const shore = await w.kiosk('Shore office');
    const id = newId();
    const opened = {
      firstName: 'Ana',
      lastName: 'Ribeiro',
      course: 'French B1',
      startDate: '2026-11-23',
      endDate: null,
      schedule: [{ weekday: 1, start: '18:00', durationMinutes: 60 }],
    };
    await shore.runner.run(createStudent, { id, logId: newId(), ...opened }, admin);
    await shore.sync!.syncNow();
    await vessel.sync!.syncNow();

    // Ashore at 09:01 the course changes and reaches shore at once.
    w.advance(MIN);
    await shore.runner.run(
      updateStudent,
      { id, logId: newId(), ...opened, course: 'French B2', only: ['course'] },
      admin,
    );
    await shore.sync!.syncNow();
    // At sea, offline, a form opened at 09:00 fixes the last name at 09:05: the form still shows
    // the old course, which it sends with the rest, but only the last name was changed.
    w.advance(4 * MIN);
    const saved = { ...opened, lastName: 'Ribeiro-Silva' };
    await vessel.runner.run(
      updateStudent,
      { id, logId: newId(), ...saved, only: changedStudentFields(opened, saved) },
      admin,
    );
    await vessel.sync!.syncNow();
    await shore.sync!.syncNow();
    await vessel.sync!.syncNow();

    const central = await w.service.db.admin
      .selectFrom('students')
      .select(['course', 'last_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(central, 'both changes kept').toEqual({ course: 'French B2', last_name: 'Ribeiro-Silva' });
    for (const k of [vessel, shore]) {
      expect(outboxCounts(k)).not.toHaveProperty('pending');
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }
    expect(await centralConflicts(w.service), 'nothing was overwritten, so no conflict').toEqual([]);
  });
});
