import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { outboxCounts, replicaDiff, syncAll } from '../../helpers/replicas.js';
import { seededRandom, seedFromEnv } from '../../helpers/seeded-random.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';
import { PROXY_MODES, startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';

const SCHEDULE_A = [{ weekday: 1, start: '09:00', durationMinutes: 60 }];
const SCHEDULE_B = [{ weekday: 3, start: '17:00', durationMinutes: 90 }];
const student = (firstName: string, schedule: typeof SCHEDULE_A) => ({
  firstName,
  lastName: 'Test',
  course: 'Piano',
  startDate: '2026-11-16',
  endDate: null,
  schedule,
});

const logsOf = (kiosk: Kiosk, studentId: string) =>
  (
    kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM class_generation_logs WHERE student_id = ?').get(studentId) as {
      n: number;
    }
  ).n;

async function ok(p: Promise<{ ok: boolean; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r as { ok: true; value: unknown };
}

describe('push answers lost after the service committed', () => {
  it('leave the kiosk with the rows shore has, no more: a rename replayed on a newer schedule invents no generation log', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url, clock: createManualClock() });
    const token = await signIn(kiosk, 'manager');
    const created = await ok(call(kiosk, 'classes.createStudent', student('Ana', SCHEDULE_A), token));
    const id = (created.value as { id: string }).id;
    await kiosk.sync!.syncNow();

    proxy.set({ mode: 'drop-response', only: '/v1/push' });
    await ok(call(kiosk, 'classes.updateStudent', { id, ...student('Anna', SCHEDULE_A) }, token));
    await kiosk.sync!.syncNow();
    await ok(call(kiosk, 'classes.updateStudent', { id, ...student('Anna', SCHEDULE_B) }, token));
    await kiosk.sync!.syncNow();
    expect(proxy.count('drop-response', '/v1/push')).toBeGreaterThanOrEqual(2);

    proxy.set({ mode: 'pass' });
    await kiosk.sync!.syncNow();
    await kiosk.sync!.syncNow();

    const central = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM class_generation_logs WHERE student_id = ${id}`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(2);
    expect(logsOf(kiosk, id)).toBe(2);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  // Forty rounds of three kiosks through faulty links: minutes on a loaded machine, not the default minute.
  it(
    'randomized: under lost, duplicated and delayed requests and answers no replica ever ends with a row shore never had',
    { timeout: 300_000 },
    async () => {
      const seed = seedFromEnv(20261201);
      console.log(`[lost-answers] seed ${seed} (rerun with SEED=${seed})`);
      const rnd = seededRandom(seed);
      const service = await startService();
      const kiosks: { kiosk: Kiosk; proxy: TcpProxy; token: string }[] = [];
      for (const key of ['restaurant', 'restaurant', 'vessel'] as const) {
        const proxy = await startTcpProxy(service.url);
        const { kiosk } = await enrolledKiosk(service, key, { serverUrl: proxy.url, clock: createManualClock() });
        kiosks.push({ kiosk, proxy, token: await signIn(kiosk, 'instructor', key) });
      }
      const students = new Map<string, string[]>([
        [siteOf('restaurant'), []],
        [siteOf('vessel'), []],
      ]);
      const schedules = [SCHEDULE_A, SCHEDULE_B, [...SCHEDULE_A, ...SCHEDULE_B]];
      const device = { userId: null, permissions: [] };

      for (let round = 0; round < 40; round++) {
        for (const k of kiosks) {
          const mine = students.get(k.kiosk.siteId)!;
          for (let i = rnd.int(3); i >= 0; i--) {
            const op = rnd.int(10);
            const target = mine.length ? rnd.pick(mine) : null;
            // Refusals are part of the game (a student removed on the other kiosk): only the outcome at the end counts.
            if (op < 3 || !target) {
              const r = await call(
                k.kiosk,
                'classes.createStudent',
                student(`S${round}.${i}`, rnd.pick(schedules)),
                k.token,
              );
              if (r.ok) mine.push((r.value as { id: string }).id);
            } else if (op < 5) {
              // A rename that keeps the schedule the kiosk shows: no generation here, but one if replayed on a newer schedule.
              const row = k.kiosk.store.raw.prepare('SELECT schedule FROM students WHERE id = ?').get(target) as
                { schedule: string } | undefined;
              await call(
                k.kiosk,
                'classes.updateStudent',
                { id: target, ...student(`R${round}`, row ? JSON.parse(row.schedule) : SCHEDULE_A) },
                k.token,
              );
            } else if (op < 7)
              await call(
                k.kiosk,
                'classes.updateStudent',
                { id: target, ...student(`R${round}`, rnd.pick(schedules)) },
                k.token,
              );
            else if (op < 8) await call(k.kiosk, 'classes.removeStudent', { id: target }, k.token);
            else
              await k.kiosk.runner.run(
                recordAuthEvent,
                { id: newId(), action: 'auth.sign_in', subjectUserId: null, detail: { round } },
                device,
              );
          }
          // A fault lasts a few rounds, as a bad link does, so answers stay lost while pulls bring newer rows.
          if (rnd.int(3) === 0)
            k.proxy.set({
              mode: rnd.pick(PROXY_MODES),
              only: rnd.pick([undefined, '/v1/push', '/v1/push', '/v1/pull']),
              delayMs: 5 + rnd.int(30),
            });
          await k.kiosk.sync!.syncNow();
        }
      }
      for (const k of kiosks) k.proxy.set({ mode: 'pass' });
      await syncAll(
        kiosks.map((k) => k.kiosk),
        3,
      );

      const lost = kiosks.reduce((n, k) => n + k.proxy.count('drop-response', '/v1/push'), 0);
      expect(lost, `seed ${seed}: answers lost after commit`).toBeGreaterThan(0);
      for (const [i, k] of kiosks.entries()) {
        expect(outboxCounts(k.kiosk).pending ?? 0, `seed ${seed}: kiosk ${i} pending`).toBe(0);
        expect(
          await replicaDiff(k.kiosk, service.db.admin),
          `seed ${seed}: kiosk ${i} differs from PostgreSQL`,
        ).toEqual([]);
      }
    },
  );
});
