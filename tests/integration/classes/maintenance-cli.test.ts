import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import {
  diagnoseCentral,
  diagnoseKioskDb,
  fixCentral,
  fixKioskDb,
  formatDiagnosis,
} from '../../../scripts/classes-maintenance.js';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const NOW = '2026-11-22T09:00:00.000Z';
const STUDENT = {
  firstName: 'Ana',
  lastName: 'Lopez',
  course: 'Piano',
  startDate: '2026-11-16',
  endDate: null,
  schedule: [{ weekday: 1, start: '09:00', durationMinutes: 60 }],
};

describe('npm run classes -- diagnose|fix', () => {
  it('on a kiosk database: finds missing classes, a damaged schedule and a duplicate from imported data; fix creates what is missing and says what it skipped', async () => {
    const tk = await makeKiosk();
    const token = await signIn(tk.kiosk, 'manager');
    const created = await call(tk.kiosk, 'classes.createStudent', STUDENT, token);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const raw = tk.kiosk.store.raw;
    // Data that came from elsewhere, written past the mutation layer.
    await tk.kiosk.store.transaction(async () =>
      tk.kiosk.store.gate.open(() => {
        const first = raw
          .prepare("SELECT * FROM classes WHERE student_id = ? AND date = '2026-11-30'")
          .get(id) as Record<string, unknown>;
        raw.prepare("DELETE FROM classes WHERE student_id = ? AND date = '2026-11-23'").run(id);
        raw
          .prepare(
            `INSERT INTO classes (${Object.keys(first).join(', ')}) VALUES (${Object.keys(first)
              .map(() => '?')
              .join(', ')})`,
          )
          .run(...Object.values({ ...first, id: '11111111-2222-4333-8444-555555555555' }));
        raw
          .prepare(
            "INSERT INTO students (id, site_id, first_name, last_name, course, start_date, end_date, schedule, schedule_since, created_at, updated_at) VALUES ('22222222-2222-4333-8444-555555555555', ?, 'Old', 'Import', 'Guitar', '2026-11-01', NULL, '[{\"weekday\":9,\"start\":\"9h\",\"durationMinutes\":60}]', NULL, ?, ?)",
          )
          .run(tk.kiosk.siteId, NOW, NOW);
      }),
    );
    await tk.kiosk.close();

    const { diagnosis } = await diagnoseKioskDb(tk.dataDir, NOW);
    expect(diagnosis.missing).toEqual([{ studentId: id, name: 'Ana Lopez', count: 1, dates: ['2026-11-23'] }]);
    expect(diagnosis.invalid.map((i) => i.name)).toEqual(['Old Import']);
    expect(diagnosis.duplicates).toHaveLength(1);
    expect(formatDiagnosis('Kiosk', diagnosis)).toContain('⚠️  Ana Lopez: 1 missing class (2026-11-23)');

    const fix = await fixKioskDb(`${tk.dataDir}/shiftdeck.db`, createManualClock(Date.parse(NOW)));
    expect(fix.created).toBe(1);
    expect(fix.skipped).toHaveLength(1);
    expect(fix.skipped[0].name).toBe('Old Import');
    expect(fix.skipped[0].reason).toContain('the weekday must be 1 (Monday) to 7 (Sunday), not 9');
    const after = (await diagnoseKioskDb(tk.dataDir, NOW)).diagnosis;
    expect(after.missing).toEqual([]);
    expect(after.duplicates).toHaveLength(1); // reported, never guessed away
  });

  it('on the central database: diagnoses a site and fixes it in a site transaction the kiosks then pull', async () => {
    const service = await startService();
    const clock = createManualClock(Date.parse(NOW));
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    const token = await signIn(kiosk, 'manager');
    await call(kiosk, 'classes.createStudent', STUDENT, token);
    await kiosk.sync!.syncNow();
    const site = siteOf('restaurant');
    expect((await diagnoseCentral(service.db.service, site, NOW)).missing).toEqual([]);
    await sql`DELETE FROM classes WHERE date = '2026-11-30'`.execute(service.db.admin);
    const d = await diagnoseCentral(service.db.service, site, NOW);
    expect(d.missing.map((m) => m.dates)).toEqual([['2026-11-30']]);

    const fix = await fixCentral(service.db.service, site, Date.parse(NOW));
    expect(fix).toMatchObject({ created: 1, skipped: [] });
    expect((await diagnoseCentral(service.db.service, site, NOW)).missing).toEqual([]);
    await kiosk.sync!.syncNow();
    const logs = kiosk.store.raw.prepare("SELECT operation FROM class_generation_logs WHERE operation = 'fix'").all();
    expect(logs).toHaveLength(1);
  });
});
