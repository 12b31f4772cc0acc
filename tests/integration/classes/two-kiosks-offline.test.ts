import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { diagnose } from '../../../shared/classes/diagnose.js';
import { readClassTracking } from '../../../shared/classes/read-rows.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { call, settle, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const SITE = siteOf('restaurant');
const schedules = [
  [
    { weekday: 1, start: '09:00', durationMinutes: 60 },
    { weekday: 4, start: '18:30', durationMinutes: 90 },
  ],
  [{ weekday: 2, start: '07:15', durationMinutes: 45 }],
  [
    { weekday: 3, start: '12:00', durationMinutes: 30 },
    { weekday: 6, start: '10:00', durationMinutes: 120 },
    { weekday: 7, start: '16:00', durationMinutes: 60 },
  ],
];

const classKeys = (kiosk: Kiosk) =>
  kiosk.store.raw
    .prepare('SELECT id, student_id, date, start FROM classes WHERE deleted_at IS NULL ORDER BY id')
    .all() as { id: string; student_id: string; date: string; start: string }[];
const checkLocal = async (kiosk: Kiosk, now: string) => {
  const t = await readClassTracking(kiosk.store.db as unknown as Kysely<SyncedDatabase>, SITE);
  return diagnose({ ...t, now, timeZone: t.timeZone, horizonWeeks: t.horizonWeeks });
};

describe('two kiosks generating offline for the same students', () => {
  it('converge after sync to one class per (student, date, start), none missing, and the central database agrees', async () => {
    const service = await startService();
    const start = Date.parse('2026-11-23T04:50:00Z'); // Monday 05:50 in Paris
    const clockA = createManualClock(start);
    const clockB = createManualClock(start);
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { clock: clockA });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { clock: clockB });

    const token = await signIn(a, 'manager');
    const ids: string[] = [];
    for (const [i, schedule] of schedules.entries()) {
      const r = await call(
        a,
        'classes.createStudent',
        {
          firstName: `Student${i}`,
          lastName: 'Test',
          course: 'Piano',
          startDate: '2026-11-16',
          endDate: null,
          schedule,
        },
        token,
      );
      if (!r.ok) throw new Error(r.error.message);
      ids.push((r.value as { id: string }).id);
    }
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    expect(classKeys(b)).toEqual(classKeys(a));
    const before = classKeys(a).length;

    // Both offline through Monday 06:00: each runs the weekly job on its own, and B also runs it by hand.
    clockA.advance(15 * 60_000);
    clockB.advance(15 * 60_000);
    await Promise.all([a.jobs.idle(), b.jobs.idle()]);
    await Promise.all([settle(a), settle(b)]);
    const tokenB = await signIn(b, 'manager');
    const manual = await b.dispatcher.dispatch('classes.generateNow', {}, tokenB);
    expect(manual.ok && manual.value.created).toBe(0);
    const offlineA = classKeys(a);
    const offlineB = classKeys(b);
    expect(offlineA.length).toBeGreaterThan(before);
    expect(offlineB).toEqual(offlineA);
    // B marks Monday's first class attended while offline.
    const monday = offlineB.find((c) => c.student_id === ids[0] && c.date === '2026-11-23')!;
    expect((await call(b, 'classes.setStatus', { classId: monday.id, status: 'completed' }, tokenB)).ok).toBe(true);

    await a.sync!.syncNow();
    await b.sync!.syncNow();
    await a.sync!.syncNow();

    const now = new Date(clockA.now()).toISOString();
    const finalA = classKeys(a);
    expect(classKeys(b)).toEqual(finalA);
    expect(finalA).toEqual(offlineA);
    const perKey = new Map<string, number>();
    for (const c of finalA)
      perKey.set(`${c.student_id} ${c.date} ${c.start}`, (perKey.get(`${c.student_id} ${c.date} ${c.start}`) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    for (const k of [a, b]) {
      const d = await checkLocal(k, now);
      expect(d.missing).toEqual([]);
      expect(d.duplicates).toEqual([]);
      expect(d.studentsOk).toBe(3);
    }

    const central = await inSiteTransaction(service.db.service, SITE, async (trx) => {
      const rows = await trx
        .selectFrom('classes')
        .select(['id', 'student_id', 'date', 'start', 'status'])
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute();
      const t = await readClassTracking(trx as unknown as Kysely<SyncedDatabase>, SITE);
      const logs = await trx.selectFrom('class_generation_logs').select(['operation', 'device_id']).execute();
      const conflicts = await trx.selectFrom('conflicts').select('mutation').execute();
      return { rows, d: diagnose({ ...t, now, timeZone: t.timeZone, horizonWeeks: t.horizonWeeks }), logs, conflicts };
    });
    expect(central.rows.map(({ id, student_id, date, start }) => ({ id, student_id, date, start }))).toEqual(finalA);
    expect(central.rows.find((r) => r.id === monday.id)?.status).toBe('completed');
    expect(central.d.missing).toEqual([]);
    expect(central.d.duplicates).toEqual([]);
    expect(central.conflicts).toEqual([]);
    // Each kiosk logged its own weekly run.
    expect(
      central.logs
        .filter((l) => l.operation === 'scheduled')
        .map((l) => l.device_id)
        .sort(),
    ).toEqual([a.deviceId, b.deviceId].sort());
  });
});

describe('two kiosks changing the same student offline', () => {
  it('apply in server order: both removals of a student converge without a conflict; a mark on a class the other kiosk removed is refused visibly', async () => {
    const service = await startService();
    const clockA = createManualClock(Date.parse('2026-11-22T09:00:00Z'));
    const clockB = createManualClock(Date.parse('2026-11-22T09:00:00Z'));
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { clock: clockA });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { clock: clockB });
    const ta = await signIn(a, 'manager');
    const made = await a.dispatcher.dispatch(
      'classes.createStudent',
      {
        firstName: 'Ana',
        lastName: 'Lopez',
        course: 'Piano',
        startDate: '2026-11-23',
        endDate: null,
        schedule: [{ weekday: 1, start: '09:00', durationMinutes: 60 }],
      },
      ta,
    );
    const id = made.ok ? made.value.id : '';
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const tb = await signIn(b, 'manager');
    const firstClass = (b.store.raw.prepare("SELECT id FROM classes WHERE date = '2026-11-30'").get() as { id: string })
      .id;

    // Offline: A moves the class to Tuesdays (removing Monday 30th); B marks Monday 30th paid.
    expect(
      (
        await a.dispatcher.dispatch(
          'classes.updateStudent',
          {
            id,
            firstName: 'Ana',
            lastName: 'Lopez',
            course: 'Piano',
            startDate: '2026-11-23',
            endDate: null,
            schedule: [{ weekday: 2, start: '09:00', durationMinutes: 60 }],
          },
          ta,
        )
      ).ok,
    ).toBe(true);
    expect(
      (await b.dispatcher.dispatch('classes.setPayment', { classId: firstClass, paymentStatus: 'paid' }, tb)).ok,
    ).toBe(true);
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    await a.sync!.syncNow();
    // B's payment came second, on a class the server had removed: refused, visible, undone on B.
    const conflicts = await b.dispatcher.dispatch('status.get', {}, null);
    expect(conflicts.ok && conflicts.value.conflictCount).toBe(1);
    expect(
      b.store.raw
        .prepare('SELECT payment_status, deleted_at IS NOT NULL AS gone FROM classes WHERE id = ?')
        .get(firstClass),
    ).toEqual({ payment_status: 'pending', gone: 1 });

    // Both remove the student offline: one removal applies, the other is a no-op, no new conflict.
    expect((await a.dispatcher.dispatch('classes.removeStudent', { id }, ta)).ok).toBe(true);
    expect((await b.dispatcher.dispatch('classes.removeStudent', { id }, tb)).ok).toBe(true);
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const central = await inSiteTransaction(service.db.service, SITE, (trx) =>
      trx.selectFrom('conflicts').select('mutation').execute(),
    );
    expect(central.map((c) => c.mutation)).toEqual(['classes.setPayment']);
    expect(classKeys(a)).toEqual(classKeys(b));
  });
});
