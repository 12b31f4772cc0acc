import { describe, expect, it } from 'vitest';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { verifyCertificate } from '../../../shared/training/certificate-signing.js';
import { advance, call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};

const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;
const FOOD_ID = moduleId('FOOD_SAFETY_101', 1);

/** Answers every question of a started attempt, right or wrong on purpose. */
function answers(started: Val, right: (i: number) => boolean) {
  return started.questions.map((q: Val, i: number) => {
    const src = FOOD.questions[i];
    const wrong = q.options
      .map((o: Val) => o.id)
      .filter((id: string) => !src.correct.includes(id))
      .slice(0, 1);
    return { questionId: q.id, selected: right(i) ? src.correct : wrong, responseMs: 4000 + i };
  });
}

describe('taking a module on the kiosk', () => {
  it('offers the shipped content in both languages with its sections and questions', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'staff');
    const cat = await ok(call(kiosk, 'training.catalog', {}, token));
    const codes = cat.modules.map((m: Val) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['FOOD_SAFETY_101', 'ALLERGENS_101', 'FIRE_ABANDON_SHIP_101']));
    const food = cat.modules.find((m: Val) => m.code === 'FOOD_SAFETY_101');
    expect(food.title.fr).toBe('Les bases de la sécurité alimentaire');
    expect(food.sectionCount).toBe(4);
    expect(food.questionCount).toBeGreaterThanOrEqual(10);
    expect(cat.modules.find((m: Val) => m.code === 'ALLERGENS_101').missingPrerequisites).toEqual(['FOOD_SAFETY_101']);
    expect(cat.paths.map((p: Val) => p.code)).toContain('KITCHEN_ONBOARDING');
  });

  it('saves progress per section and resumes there after a restart; module progress is derived from sections', async () => {
    const tk = await makeKiosk();
    let token = await signIn(tk.kiosk, 'staff');
    const mod = await ok(call(tk.kiosk, 'training.module', { moduleId: FOOD_ID }, token));
    expect(mod.resumeSectionId).toBe(mod.sections[0].id);
    await ok(
      call(
        tk.kiosk,
        'training.recordSection',
        { sectionId: mod.sections[0].id, secondsSpent: 95, completed: true },
        token,
      ),
    );
    await ok(
      call(
        tk.kiosk,
        'training.recordSection',
        { sectionId: mod.sections[1].id, secondsSpent: 30, completed: false },
        token,
      ),
    );
    await ok(
      call(
        tk.kiosk,
        'training.recordSection',
        { sectionId: mod.sections[0].id, secondsSpent: 5, completed: false },
        token,
      ),
    );

    const again = await tk.reopen();
    token = await signIn(again.kiosk, 'staff');
    const after = await ok(call(again.kiosk, 'training.module', { moduleId: FOOD_ID }, token));
    expect(after.sections[0]).toMatchObject({ completed: true, secondsSpent: 100 });
    expect(after.sections[1]).toMatchObject({ completed: false, secondsSpent: 30 });
    expect(after.progressPercent).toBe(25);
    expect(after.status).toBe('in_progress');
    expect(after.resumeSectionId).toBe(mod.sections[1].id);

    await ok(
      call(
        again.kiosk,
        'training.recordSection',
        { sectionId: mod.sections[2].id, secondsSpent: 1, completed: false, bookmarked: true },
        token,
      ),
    );
    expect((await ok(call(again.kiosk, 'training.module', { moduleId: FOOD_ID }, token))).resumeSectionId).toBe(
      mod.sections[2].id,
    );
  });

  it('a pass scores from the recorded responses and issues a signed certificate that verifies', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'staff');
    const started = await ok(call(kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token));
    expect(JSON.stringify(started)).not.toContain('"correct"');
    // Every question right but the last one (weight 1 of 17): 94.12.
    const res = await ok(
      call(
        kiosk,
        'training.submitAssessment',
        { attemptId: started.attemptId, answers: answers(started, (i) => i < FOOD.questions.length - 1) },
        token,
      ),
    );
    const total = FOOD.questions.reduce((s, q) => s + q.weight, 0);
    const lastWeight = FOOD.questions.at(-1)!.weight;
    expect(res.score).toBe(Math.round(((total - lastWeight) / total) * 10000) / 100);
    expect(res.passed).toBe(true);
    expect(res.certificateId).toBeTruthy();
    expect(res.review.at(-1)).toMatchObject({ isCorrect: false });

    const responses = kiosk.store.raw
      .prepare('SELECT COUNT(*) AS n, MIN(response_ms) AS ms FROM training_responses')
      .get() as { n: number; ms: number };
    expect(responses).toEqual({ n: FOOD.questions.length, ms: 4000 });

    const certs = await ok(call(kiosk, 'training.certificates', {}, token));
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({ status: 'valid', holder: 'Emma Dubois', score: res.score });
    expect(certs[0].expiresAt).toBe('2027-11-22T09:00:00.000Z');
    const v = await ok(call(kiosk, 'training.verifyCertificate', { token: certs[0].token }, token));
    expect(v).toMatchObject({ valid: true, trusted: true, status: 'valid', number: certs[0].number });
    expect(verifyCertificate(certs[0].token).ok).toBe(true);

    const tampered = certs[0].token.replace(
      /\.([^.]+)\./,
      (_: string, p: string) =>
        `.${Buffer.from(Buffer.from(p, 'base64url').toString().replace('"sc":', '"sc":1')).toString('base64url')}.`,
    );
    expect(await ok(call(kiosk, 'training.verifyCertificate', { token: tampered }, token))).toMatchObject({
      valid: false,
      reason: 'bad_signature',
    });

    const cat = await ok(call(kiosk, 'training.catalog', {}, token));
    expect(cat.modules.find((m: Val) => m.code === 'FOOD_SAFETY_101')).toMatchObject({
      status: 'completed',
      passed: true,
    });
    expect(cat.modules.find((m: Val) => m.code === 'ALLERGENS_101').missingPrerequisites).toEqual([]);
    expect(cat.paths.find((p: Val) => p.code === 'KITCHEN_ONBOARDING')).toMatchObject({
      done: 1,
      total: 2,
      percent: 50,
      next: { code: 'ALLERGENS_101' },
    });
  });

  it('a fail shows what was wrong, issues nothing, and the cool-down and attempt limit hold', async () => {
    const tk = await makeKiosk();
    let token = await signIn(tk.kiosk, 'staff');
    const started = await ok(call(tk.kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token));
    const res = await ok(
      call(
        tk.kiosk,
        'training.submitAssessment',
        { attemptId: started.attemptId, answers: answers(started, (i) => i < 5) },
        token,
      ),
    );
    expect(res.passed).toBe(false);
    expect(res.certificateId).toBeNull();
    expect(res.review.filter((r: Val) => !r.isCorrect)).toHaveLength(FOOD.questions.length - 5);
    expect(res.review[6].explanation.en).toBeTruthy();
    expect(res.review[6].correct).toEqual(FOOD.questions[6].correct);
    expect(await ok(call(tk.kiosk, 'training.certificates', {}, token))).toEqual([]);

    const early = await call(tk.kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token);
    expect(codeOf(early)).toBe('CONFLICT');
    for (let i = 0; i < 2; i++) {
      tk.clock.advance(31 * 60_000);
      token = await signIn(tk.kiosk, 'staff');
      const s = await ok(call(tk.kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token));
      await ok(call(tk.kiosk, 'training.submitAssessment', { attemptId: s.attemptId, answers: [] }, token));
    }
    tk.clock.advance(31 * 60_000);
    token = await signIn(tk.kiosk, 'staff');
    const fourth = await call(tk.kiosk, 'training.startAssessment', { moduleId: FOOD_ID }, token);
    expect(codeOf(fourth)).toBe('CONFLICT');
    expect(JSON.stringify(fourth)).toContain('max_attempts');
  });

  it('only a signed-in person with training.take may take training; a manager sees analytics, staff do not', async () => {
    const { kiosk } = await makeKiosk();
    expect(codeOf(await call(kiosk, 'training.catalog', {}, null))).toBe('UNAUTHENTICATED');
    const staff = await signIn(kiosk, 'staff');
    expect(codeOf(await call(kiosk, 'training.analytics', {}, staff))).toBe('FORBIDDEN');
    expect(codeOf(await call(kiosk, 'training.drafts', {}, staff))).toBe('FORBIDDEN');
    const manager = await signIn(kiosk, 'manager');
    expect(codeOf(await call(kiosk, 'training.analytics', {}, manager))).toBe('OK');
  });

  it('analytics name an overdue module by its title in both languages, not by its code', async () => {
    const tk = await makeKiosk();
    const manager = await signIn(tk.kiosk, 'manager');
    const people = await ok(call(tk.kiosk, 'training.team', {}, manager));
    const emma = people.people.find((p: Val) => p.roleCode === 'staff');
    const due = new Date(tk.clock.now() + 86_400_000).toISOString();
    await ok(call(tk.kiosk, 'training.assign', { userId: emma.id, moduleCode: 'ALLERGENS_101', dueAt: due }, manager));
    await advance(tk, 2 * 86_400_000);
    const again = await signIn(tk.kiosk, 'manager');
    const data = await ok(call(tk.kiosk, 'training.analytics', {}, again));
    const risk = data.atRisk.find((r: Val) => r.userId === emma.id);
    expect(risk.reasons).toEqual([
      { kind: 'overdue', detail: 'ALLERGENS_101', title: { en: 'Allergen handling', fr: 'La gestion des allergènes' } },
    ]);
  });
});
