import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { createStudent } from '../../../shared/classes/mutations.js';
import { saveDraft } from '../../../shared/training/authoring-mutations.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { MAX_PUSH_BYTES } from '../../../shared/sync/protocol.js';
import { outboxCounts, replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

const author = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const device = { userId: null, permissions: [] };

/** A module draft with `sections` sections of `chars` characters in each language. */
function draft(id: string, sections: number, chars: number, questions = 0) {
  const words = (n: number) =>
    'Lavez-vous les mains avant de toucher les aliments. '.repeat(Math.ceil(n / 52)).slice(0, n);
  return {
    id,
    code: `HYGIENE_${id
      .slice(-6)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, 'X')}`,
    title: { en: 'Kitchen hygiene', fr: 'Hygiène en cuisine' },
    description: { en: 'Basics', fr: 'Les bases' },
    objectives: { en: ['Wash hands'], fr: ['Se laver les mains'] },
    difficulty: 2,
    estimatedMinutes: 30,
    prerequisites: [],
    passThreshold: 80,
    maxAttempts: 3,
    cooldownMinutes: 60,
    validityDays: 365,
    sections: Array.from({ length: sections }, (_, i) => ({
      id: newId(),
      title: { en: `Part ${i}`, fr: `Partie ${i}` },
      body: { en: words(chars), fr: words(chars) },
      image: null,
    })),
    questions: Array.from({ length: questions }, () => ({
      id: newId(),
      kind: 'single' as const,
      prompt: { en: words(1000), fr: words(1000) },
      options: Array.from({ length: 8 }, (_, k) => ({ id: `o${k}`, en: words(300), fr: words(300) })),
      correct: ['o0'],
      weight: 1,
      explanation: { en: words(1000), fr: words(1000) },
    })),
  };
}

const pushed = async (kiosk: Kiosk) => (await kiosk.sync!.syncNow())?.pushed;

describe('push batches bounded in bytes', () => {
  it('sends a long queue of large drafts in batches the service accepts, and everything behind them', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    // An author working offline: 40 saves of a six-section module, about 60 kB each, 2.4 MB in all.
    const ids = Array.from({ length: 40 }, () => newId());
    for (const id of ids) await kiosk.runner.run(saveDraft, draft(id, 6, 5000), author);
    const events = Array.from({ length: 20 }, () => newId());
    for (const id of events)
      await kiosk.runner.run(recordAuthEvent, { id, action: 'auth.sign_in', subjectUserId: null, detail: {} }, device);

    const n = await pushed(kiosk);
    expect(n, `nothing pushed: ${(await statusOf(kiosk)).lastError}`).toBe(60);
    expect(outboxCounts(kiosk)).not.toHaveProperty('pending');
    const central = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM training_modules WHERE id = ANY(${ids}::uuid[])`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(40);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  it('sets aside, visibly, one change too large for any batch, and sends the rest', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const before = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id: before, action: 'auth.sign_in', subjectUserId: null, detail: {} },
      device,
    );
    // The largest draft the form allows: 50 sections of 20,000 characters a language and 100
    // questions, more than a push may carry even alone.
    const huge = newId();
    const args = draft(huge, 50, 20_000, 100);
    expect(Buffer.byteLength(JSON.stringify(args))).toBeGreaterThan(MAX_PUSH_BYTES);
    const hugeSeq = await kiosk.runner.run(saveDraft, args, author);
    const after = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id: after, action: 'auth.sign_in', subjectUserId: null, detail: {} },
      device,
    );

    await kiosk.sync!.syncNow();
    await kiosk.sync!.syncNow();
    expect(outboxCounts(kiosk)).not.toHaveProperty('pending');
    const central = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ANY(${[before, after]}::uuid[])`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(2);
    expect(['rejected', 'dead']).toContain(
      (kiosk.store.raw.prepare('SELECT status FROM outbox WHERE seq = ?').get(hugeSeq) as { status: string }).status,
    );
    expect((await statusOf(kiosk)).conflictCount).toBe(1);
    // The draft the service never took is gone from the kiosk too: the replicas agree.
    expect(kiosk.store.raw.prepare('SELECT 1 FROM training_modules WHERE id = ?').get(huge)).toBeUndefined();
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  it('sends a mutation that writes more than a thousand rows (a student entered with two years of classes)', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const start = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10);
    const schedule = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, start: '09:00', durationMinutes: 60 },
      { weekday, start: '14:00', durationMinutes: 60 },
    ]);
    const id = newId();
    const seq = await kiosk.runner.run(
      createStudent,
      {
        id,
        logId: newId(),
        firstName: 'Inès',
        lastName: 'Durand',
        course: 'Piano',
        startDate: start,
        endDate: null,
        schedule,
      },
      author,
    );
    const writes = (
      kiosk.store.raw.prepare('SELECT rows FROM outbox WHERE seq = ?').get(seq) as { rows: string }
    ).rows.split(',').length;
    expect(writes).toBeGreaterThan(1000);
    const event = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id: event, action: 'auth.sign_in', subjectUserId: null, detail: {} },
      device,
    );

    expect(await pushed(kiosk), (await statusOf(kiosk)).lastError ?? '').toBe(2);
    const classes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM classes WHERE student_id = ${id}`.execute(
      service.db.admin,
    );
    // Its write set holds the student, its generation log and its audit entry besides the classes.
    expect(classes.rows[0].n).toBe(writes - 3);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });
});
