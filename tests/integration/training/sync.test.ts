import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { startAttempt, submitAttempt } from '../../../shared/training/mutations.js';
import { call, demoPerson } from '../../helpers/kiosk.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, resignOutbox, startService } from '../../helpers/sync.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};
const FOOD = DEMO_MODULES[0];
const FOOD_ID = moduleId(FOOD.code, 1);

async function signInAs(kiosk: Parameters<typeof call>[0], role: string) {
  const p = demoPerson(role);
  return (await ok(call(kiosk, 'auth.signIn', { userId: p.id, pin: p.pin }))).token as string;
}

// These kiosks run on the system clock, and a session must start in the future to be planned.
const inDays = (days: number, hours: number) =>
  new Date(Date.now() + days * 86_400_000 + hours * 3600_000).toISOString();

describe('training through the sync service', () => {
  it('the server holds the shipped content with the kiosk’s ids, re-scores a submitted attempt and keeps the signed certificate', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const token = await signInAs(kiosk, 'staff');
    const started = await ok(call(kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token));
    const answers = started.questions.map((q: Val, i: number) => ({
      questionId: q.id,
      selected: FOOD.questions[i].correct,
      responseMs: 3000,
    }));
    const res = await ok(call(kiosk, 'training.submitAssessment', { attemptId: started.attemptId, answers }, token));
    expect(res).toMatchObject({ score: 100, passed: true });
    // The certificate raises a "certificate issued" notification as soon as it commits; let the
    // watch finish so the push carries it too and the replicas can be compared.
    await kiosk.notifications.idle();
    await kiosk.sync!.syncNow();
    const central = await sql<Val>`SELECT score, passed FROM training_attempts WHERE id = ${started.attemptId}`.execute(
      service.db.admin,
    );
    expect(central.rows[0]).toEqual({ score: 100, passed: 1 });
    const certs = await sql<Val>`SELECT number, key_id FROM training_certificates`.execute(service.db.admin);
    expect(certs.rows).toHaveLength(1);
    const keys = await sql<Val>`SELECT key_id, device_id FROM training_signing_keys`.execute(service.db.admin);
    expect(keys.rows).toEqual([{ key_id: certs.rows[0].key_id, device_id: kiosk.deviceId }]);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  it('a kiosk that claims a pass the responses do not earn is refused by the server: conflict recorded, attempt undone', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const token = await signInAs(kiosk, 'staff');
    const started = await ok(call(kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token));
    // A pass on this kiosk (every answer right) gives a real signed certificate ...
    const answers = started.questions.map((q: Val, i: number) => ({
      questionId: q.id,
      selected: FOOD.questions[i].correct,
      responseMs: 3000,
    }));
    await ok(call(kiosk, 'training.submitAssessment', { attemptId: started.attemptId, answers }, token));
    await kiosk.sync!.syncNow();
    // ... which a tampered kiosk now replays for a second attempt with every answer wrong.
    const cert = kiosk.store.raw.prepare('SELECT payload, signature FROM training_certificates').get() as {
      payload: string;
      signature: string;
    };
    const second = newId();
    const actor = { userId: demoUserId('restaurant', 'Emma Dubois'), permissions: ['training.take'] };
    await kiosk.runner.run(startAttempt, { attemptId: second, moduleId: FOOD_ID }, actor);
    // The kiosk's own mutator refuses the claim, so forge it in the outbox as a modified kiosk would.
    await expect(
      kiosk.runner.run(
        submitAttempt,
        {
          attemptId: second,
          answers: [],
          certificate: { id: newId(), payload: cert.payload, signature: cert.signature },
        },
        actor,
      ),
    ).rejects.toThrow(/below the pass mark/);
    await kiosk.runner.run(submitAttempt, { attemptId: second, answers: [] }, actor);
    await kiosk.store.transaction(async () => {
      kiosk.store.raw
        .prepare(
          "UPDATE outbox SET args = json_set(args, '$.certificate', json(?)) WHERE name = 'assessment.submit' AND json_extract(args, '$.attemptId') = ?",
        )
        .run(JSON.stringify({ id: newId(), payload: cert.payload, signature: cert.signature }), second);
    });
    // A modified kiosk holds its own device key: it signs the forged entry, so only the server's own check stands between.
    await resignOutbox(kiosk);
    await kiosk.sync!.syncNow();
    const conflicts = await kiosk.store.db.selectFrom('conflicts').selectAll().execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'rejected', mutation: 'assessment.submit', code: 'CONFLICT' });
    expect(conflicts[0].message).toMatch(/score of 0/);
    const central = await sql<Val>`SELECT submitted_at FROM training_attempts WHERE id = ${second}`.execute(
      service.db.admin,
    );
    expect(central.rows[0].submitted_at).toBeNull();
    expect(
      (await sql<Val>`SELECT count(*)::int AS n FROM training_certificates`.execute(service.db.admin)).rows[0].n,
    ).toBe(1);
  });

  it('two kiosks give the last seat offline: after sync one person is enrolled, the other waitlisted, and the instructor sees a conflict', async () => {
    const service = await startService();
    const a = (await enrolledKiosk(service, 'restaurant')).kiosk;
    const b = (await enrolledKiosk(service, 'restaurant')).kiosk;
    const instructor = await signInAs(a, 'instructor');
    const session = await ok(
      call(
        a,
        'training.createSession',
        {
          moduleId: FOOD_ID,
          title: 'Food safety refresher',
          location: 'Kitchen',
          startsAt: inDays(3, 0),
          endsAt: inDays(3, 2),
          capacity: 2,
        },
        instructor,
      ),
    );
    const manager = await signInAs(a, 'manager');
    expect(await ok(call(a, 'training.enroll', { sessionId: session.id }, manager))).toEqual({ status: 'enrolled' });
    await syncAll([a, b]);

    // Offline: Emma on kiosk A and Hugo on kiosk B each get the last seat.
    const emma = await signInAs(a, 'staff');
    const hugo = await signInAs(b, 'waiter');
    expect(await ok(call(a, 'training.enroll', { sessionId: session.id }, emma))).toEqual({ status: 'enrolled' });
    expect(await ok(call(b, 'training.enroll', { sessionId: session.id }, hugo))).toEqual({ status: 'enrolled' });

    await a.sync!.syncNow();
    await b.sync!.syncNow();
    await syncAll([a, b]);
    for (const k of [a, b]) {
      const rows = (await ok(call(k, 'training.sessions', {}, k === a ? emma : hugo)))[0];
      expect(rows).toMatchObject({ enrolled: 2, waitlisted: 1 });
    }
    expect((await ok(call(b, 'training.sessions', {}, hugo)))[0]).toMatchObject({
      mine: 'waitlisted',
      waitlistPosition: 1,
    });
    const roster = await ok(call(a, 'training.roster', { sessionId: session.id }, instructor));
    expect(roster.members.map((m: Val) => [m.name, m.status])).toEqual([
      ['Camille Martin', 'enrolled'],
      ['Emma Dubois', 'enrolled'],
      ['Hugo Moreau', 'waitlisted'],
    ]);
    expect(roster.conflicts).toHaveLength(1);
    expect(roster.conflicts[0]).toMatchObject({ code: 'SEAT_TAKEN', userName: 'Hugo Moreau' });

    // A seat frees: the first in line is promoted on every replica.
    await ok(call(a, 'training.cancelEnrollment', { sessionId: session.id }, emma));
    await syncAll([a, b]);
    expect((await ok(call(b, 'training.sessions', {}, hugo)))[0]).toMatchObject({
      mine: 'enrolled',
      enrolled: 2,
      waitlisted: 0,
    });
    expect(await replicaDiff(a, service.db.admin)).toEqual([]);
    expect(await replicaDiff(b, service.db.admin)).toEqual([]);
  });

  it('the same person working on one module on two kiosks offline: time adds up, the first completion stands, one row per section', async () => {
    const service = await startService();
    const a = (await enrolledKiosk(service, 'restaurant')).kiosk;
    const b = (await enrolledKiosk(service, 'restaurant')).kiosk;
    const ta = await signInAs(a, 'staff');
    const tb = await signInAs(b, 'staff');
    const mod = await ok(call(a, 'training.module', { moduleId: FOOD_ID }, ta));
    const [s1, s2] = mod.sections;
    await ok(call(a, 'training.recordSection', { sectionId: s1.id, secondsSpent: 120, completed: true }, ta));
    await ok(call(b, 'training.recordSection', { sectionId: s1.id, secondsSpent: 60, completed: false }, tb));
    await ok(
      call(b, 'training.recordSection', { sectionId: s2.id, secondsSpent: 45, completed: true, bookmarked: true }, tb),
    );
    await syncAll([a, b]);
    for (const [k, t] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const m = await ok(call(k, 'training.module', { moduleId: FOOD_ID }, t));
      expect(m.sections[0]).toMatchObject({ completed: true, secondsSpent: 180 });
      expect(m.sections[1]).toMatchObject({ completed: true, secondsSpent: 45, bookmarked: true });
      expect(m.progressPercent).toBe(50);
    }
    const rows = await sql<Val>`SELECT count(*)::int AS n FROM training_section_progress`.execute(service.db.admin);
    expect(rows.rows[0].n).toBe(2);
    expect(await replicaDiff(a, service.db.admin)).toEqual([]);
    expect(await replicaDiff(b, service.db.admin)).toEqual([]);
  });
});
