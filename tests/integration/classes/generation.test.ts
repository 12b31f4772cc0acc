import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { classId } from '../../../shared/classes/generation.js';
import { call, codeOf, makeKiosk, settle, signIn } from '../../helpers/kiosk.js';

const PIANO = {
  firstName: 'Ana',
  lastName: 'Lopez',
  course: 'Piano',
  startDate: '2026-11-23',
  endDate: null,
  schedule: [
    { weekday: 1, start: '09:00', durationMinutes: 60 },
    { weekday: 4, start: '18:30', durationMinutes: 90 },
  ],
};

const classes = (kiosk: Kiosk, studentId: string) =>
  kiosk.store.raw
    .prepare(
      'SELECT id, date, start, starts_at, status, payment_status, deleted_at FROM classes WHERE student_id = ? ORDER BY date, start',
    )
    .all(studentId) as {
    id: string;
    date: string;
    start: string;
    starts_at: string;
    status: string;
    payment_status: string;
    deleted_at: string | null;
  }[];
const live = (kiosk: Kiosk, studentId: string) => classes(kiosk, studentId).filter((c) => c.deleted_at === null);
const logs = (kiosk: Kiosk) =>
  kiosk.store.raw
    .prepare(
      'SELECT operation, status, classes_created, classes_removed, message, created_at, deleted_at FROM class_generation_logs ORDER BY created_at',
    )
    .all() as {
    operation: string;
    status: string;
    classes_created: number;
    classes_removed: number;
    message: string;
    created_at: string;
    deleted_at: string | null;
  }[];

async function createStudent(kiosk: Kiosk, token: string, fields: object = PIANO): Promise<string> {
  const r = await call(kiosk, 'classes.createStudent', fields, token);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.value as { id: string }).id;
}

describe('class generation on a kiosk', () => {
  it('creates a student with classes to the 4-week horizon, ids from (student, date, start), logged', async () => {
    const { kiosk } = await makeKiosk(); // Sunday 22 Nov 2026, 10:00 in Paris
    const token = await signIn(kiosk, 'manager');
    const id = await createStudent(kiosk, token);
    const list = live(kiosk, id);
    expect(list.map((c) => `${c.date} ${c.start}`)).toEqual([
      '2026-11-23 09:00',
      '2026-11-26 18:30',
      '2026-11-30 09:00',
      '2026-12-03 18:30',
      '2026-12-07 09:00',
      '2026-12-10 18:30',
    ]);
    expect(list[0].id).toBe(classId(id, '2026-11-23', '09:00'));
    expect(list[0].starts_at).toBe('2026-11-23T08:00:00.000Z');
    expect(logs(kiosk)).toMatchObject([{ operation: 'created', status: 'success', classes_created: 6 }]);

    // Generating again writes nothing new.
    const again = await call(kiosk, 'classes.generateNow', {}, token);
    expect(again.ok && again.value).toEqual({ created: 0, skipped: [] });
    expect(live(kiosk, id)).toHaveLength(6);
  });

  it('refuses a bad schedule with a message that names the slot, and writes nothing', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'manager');
    const r = await call(
      kiosk,
      'classes.createStudent',
      {
        ...PIANO,
        schedule: [
          { weekday: 1, start: '09:00', durationMinutes: 60 },
          { weekday: 1, start: '09:30', durationMinutes: 30 },
        ],
      },
      token,
    );
    expect(codeOf(r)).toBe('VALIDATION_FAILED');
    expect(!r.ok && r.error.message).toContain('Slot 2 (Monday 09:30) overlaps slot 1');
    expect(kiosk.store.raw.prepare('SELECT count(*) AS n FROM students').get()).toEqual({ n: 0 });
    const staff = await signIn(kiosk, 'staff');
    expect(codeOf(await call(kiosk, 'classes.createStudent', PIANO, staff))).toBe('FORBIDDEN');
  });

  it('on a schedule change removes only classes ahead that are scheduled and unpaid; marks keep who and when', async () => {
    const tk = await makeKiosk();
    const { kiosk, clock } = tk;
    const token = await signIn(kiosk, 'manager');
    const id = await createStudent(kiosk, token);
    const [, thu26, mon30] = live(kiosk, id);
    expect(codeOf(await call(kiosk, 'classes.setPayment', { classId: mon30.id, paymentStatus: 'paid' }, token))).toBe(
      'OK',
    );
    clock.advance(4 * 86_400_000); // Thursday 26 Nov, 10:00 Paris
    const token2 = await signIn(kiosk, 'manager');
    expect(codeOf(await call(kiosk, 'classes.setStatus', { classId: thu26.id, status: 'completed' }, token2))).toBe(
      'OK',
    );
    const r = await call(
      kiosk,
      'classes.updateStudent',
      { ...PIANO, id, schedule: [{ weekday: 2, start: '17:00', durationMinutes: 60 }] },
      token2,
    );
    expect(codeOf(r)).toBe('OK');
    const after = classes(kiosk, id);
    const kept = after
      .filter((c) => c.deleted_at === null)
      .map((c) => `${c.date} ${c.start} ${c.status}/${c.payment_status}`);
    expect(kept).toEqual([
      '2026-11-23 09:00 scheduled/pending', // past: history
      '2026-11-26 18:30 completed/pending', // completed: never touched
      '2026-11-30 09:00 scheduled/paid', // paid: never touched
      '2026-12-01 17:00 scheduled/pending',
      '2026-12-08 17:00 scheduled/pending',
      '2026-12-15 17:00 scheduled/pending', // Monday's 06:00 run had moved the horizon to 20 Dec
    ]);
    expect(logs(kiosk).map((l) => l.operation)).toEqual(['created', 'scheduled', 'updated']);
    // Removed: 3, 7, 10, 14 and 17 Dec (old slots, ahead, scheduled, unpaid).
    expect(logs(kiosk).at(-1)).toMatchObject({ operation: 'updated', classes_created: 3, classes_removed: 5 });
    const week = await kiosk.dispatcher.dispatch('classes.week', { weekStart: '2026-11-23' }, token2);
    const thu = week.ok ? week.value.classes.find((c) => c.id === thu26.id) : undefined;
    expect(thu).toMatchObject({
      status: 'completed',
      statusChangedBy: 'Camille Martin',
      statusChangedAt: '2026-11-26T09:00:00.000Z',
    });
  });

  it('extends the horizon at Monday 06:00 site time, and runs a missed week at the next start as catch-up', async () => {
    const clock = createManualClock(Date.parse('2026-11-23T04:58:00Z')); // Monday 05:58 in Paris
    const tk = await makeKiosk({ clock });
    const token = await signIn(tk.kiosk, 'manager');
    const id = await createStudent(tk.kiosk, token, { ...PIANO, startDate: '2026-11-16' });
    expect(live(tk.kiosk, id).at(-1)?.date).toBe('2026-12-10');
    clock.advance(60_000);
    await tk.kiosk.jobs.idle();
    expect(logs(tk.kiosk).map((l) => l.operation)).toEqual(['created']);
    clock.advance(60_000); // 06:00
    await tk.kiosk.jobs.idle();
    await settle(tk.kiosk);
    expect(logs(tk.kiosk).at(-1)).toMatchObject({
      operation: 'scheduled',
      status: 'success',
      classes_created: 2,
      created_at: '2026-11-23T05:00:00.000Z',
    });
    expect(live(tk.kiosk, id).at(-1)?.date).toBe('2026-12-17');

    // Off from Sunday to the Tuesday after the next Monday: the run happens once, at start.
    await tk.kiosk.close();
    const later = await makeKiosk({
      dataDir: tk.dataDir,
      clock: createManualClock(Date.parse('2026-12-01T08:00:00Z')),
    });
    expect(logs(later.kiosk).map((l) => l.operation)).toEqual(['created', 'scheduled', 'catch-up']);
    expect(live(later.kiosk, id).at(-1)?.date).toBe('2026-12-24');
    await later.kiosk.close();
    const again = await makeKiosk({
      dataDir: tk.dataDir,
      clock: createManualClock(Date.parse('2026-12-01T09:00:00Z')),
    });
    expect(logs(again.kiosk).map((l) => l.operation)).toEqual(['created', 'scheduled', 'catch-up']);
  });

  it('runs the weekly job at 06:00 Paris time after the change to summer time (04:00Z, not 05:00Z)', async () => {
    const clock = createManualClock(Date.parse('2026-03-22T10:00:00Z'));
    const tk = await makeKiosk({ clock });
    const token = await signIn(tk.kiosk, 'manager');
    const id = await createStudent(tk.kiosk, token, {
      ...PIANO,
      startDate: '2026-03-23',
      schedule: [{ weekday: 1, start: '09:00', durationMinutes: 60 }],
    });
    expect(live(tk.kiosk, id).map((c) => c.starts_at)).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
    await tk.kiosk.close();
    const clock2 = createManualClock(Date.parse('2026-03-30T03:58:30Z'));
    const monday = await makeKiosk({ dataDir: tk.dataDir, clock: clock2 });
    // Off on Monday 23rd at 06:00: that run happens at this start (05:58:30 CEST), horizon to 19 April.
    expect(logs(monday.kiosk).map((l) => [l.operation, l.created_at])).toEqual([
      ['created', '2026-03-22T10:00:00.000Z'],
      ['catch-up', '2026-03-30T03:58:30.000Z'],
    ]);
    clock2.advance(60_000); // 03:59:30Z = 05:59:30 CEST: not yet
    await monday.kiosk.jobs.idle();
    expect(logs(monday.kiosk)).toHaveLength(2);
    clock2.advance(60_000);
    await monday.kiosk.jobs.idle();
    await settle(monday.kiosk);
    const run = logs(monday.kiosk).at(-1)!;
    expect(run.operation).toBe('scheduled');
    expect(run.created_at).toBe('2026-03-30T04:00:30.000Z');
    expect(live(monday.kiosk, id).map((c) => c.date)).toEqual([
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
    ]);
  });

  it('keeps generation log entries 30 days: the daily retention job soft-deletes older ones', async () => {
    const tk = await makeKiosk({ clock: createManualClock(Date.parse('2026-11-22T01:30:00Z')) });
    await createStudent(tk.kiosk, await signIn(tk.kiosk, 'manager'));
    await tk.kiosk.close();
    // Back on 21 Dec at 03:00:30 Paris: the retention run of that day keeps the 29-day-old entry.
    const d21 = await makeKiosk({ dataDir: tk.dataDir, clock: createManualClock(Date.parse('2026-12-21T02:00:30Z')) });
    expect(
      logs(d21.kiosk)
        .filter((l) => l.deleted_at === null)
        .map((l) => l.operation),
    ).toEqual(['created', 'catch-up']);
    await d21.kiosk.close();
    // The next day's run (03:00 Paris, 02:00Z) finds it 30 days and a few minutes old.
    const d22 = await makeKiosk({ dataDir: tk.dataDir, clock: createManualClock(Date.parse('2026-12-22T01:59:00Z')) });
    d22.clock.advance(120_000);
    await d22.kiosk.jobs.idle();
    await settle(d22.kiosk);
    // (Monday 21st's 06:00 weekly run was missed too: a second catch-up entry.)
    expect(logs(d22.kiosk).map((l) => [l.operation, l.deleted_at !== null])).toEqual([
      ['created', true],
      ['catch-up', false],
      ['catch-up', false],
    ]);
    expect(logs(d22.kiosk)[0].deleted_at! >= '2026-12-22T02:00:00.000Z').toBe(true);
    const token = await signIn(d22.kiosk, 'manager');
    const shown = await d22.kiosk.dispatcher.dispatch('classes.logs', { limit: 50 }, token);
    expect(shown.ok && shown.value.map((l) => l.operation)).toEqual(['catch-up', 'catch-up']);
  });
});
