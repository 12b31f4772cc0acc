import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { answersOf, parseContent } from '../../../shared/compliance/report-rules.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { SCORING_METHODS } from '../../../shared/compliance/template.js';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { passingAnswers, randomAnswers } from '../../helpers/compliance-answers.js';
import { call, codeOf, demoPerson, makeKiosk, signIn, WRONG_PIN } from '../../helpers/kiosk.js';
import { seedFromEnv, seededRandom } from '../../helpers/seeded-random.js';

const OPENING = templateId('RESTAURANT_OPENING', 1);

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

function contentOf(kiosk: Kiosk, id: string) {
  const row = kiosk.store.raw.prepare('SELECT content FROM compliance_templates WHERE id = ?').get(id) as {
    content: string;
  };
  return parseContent(row.content);
}

describe('filling and approving a compliance report on one kiosk', () => {
  it('fills the opening checklist, refuses an early submit naming the items, then submit -> review -> approve, each signed with a PIN', async () => {
    const { kiosk } = await makeKiosk();
    const chef = await signIn(kiosk, 'chef');
    const { id } = await ok<{ id: string }>(call(kiosk, 'compliance.start', { templateId: OPENING }, chef));
    const answers = passingAnswers(contentOf(kiosk, OPENING));
    delete answers.remarks;
    const [first, ...rest] = Object.entries(answers);
    await ok(call(kiosk, 'compliance.answer', { reportId: id, itemId: first[0], value: first[1] }, chef));

    const early = await call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef);
    expect(codeOf(early)).toBe('VALIDATION_FAILED');
    expect(!early.ok && early.error.message).toContain('"Any sign of pests" needs an answer');

    const bad = await call(
      kiosk,
      'compliance.answer',
      { reportId: id, itemId: 'fridge_temp', value: { value: 'cold' } },
      chef,
    );
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(!bad.ok && bad.error.message).toContain('Type a number in °C');
    for (const [itemId, value] of rest)
      await ok(call(kiosk, 'compliance.answer', { reportId: id, itemId, value }, chef));
    // A changed answer: two history rows, the later one current.
    await ok(
      call(
        kiosk,
        'compliance.answer',
        { reportId: id, itemId: 'fridge_temp', value: { value: 3 }, reason: 'Re-read' },
        chef,
      ),
    );
    const history = kiosk.store.raw
      .prepare(
        "SELECT old_value, new_value, reason FROM compliance_answer_history WHERE report_id = ? AND item_id = 'fridge_temp' ORDER BY hlc",
      )
      .all(id);
    expect(history).toEqual([
      { old_value: null, new_value: '{"value":2}', reason: null },
      { old_value: '{"value":2}', new_value: '{"value":3}', reason: 'Re-read' },
    ]);

    expect(codeOf(await call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin: WRONG_PIN }, chef))).toBe(
      'PIN_INVALID',
    );
    await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef));
    expect(
      codeOf(
        await call(kiosk, 'compliance.answer', { reportId: id, itemId: 'fridge_temp', value: { value: 9 } }, chef),
      ),
    ).toBe('CONFLICT');
    // The chef's role may not review: refused, and nothing changed.
    const chefReview = await call(kiosk, 'compliance.sign', { reportId: id, step: 'review', pin: '2222' }, chef);
    expect(codeOf(chefReview)).toBe('FORBIDDEN');

    const manager = await signIn(kiosk, 'manager');
    const seen = await ok<{ nextSteps: string[]; report: { status: string; score: number; passed: boolean } }>(
      call(kiosk, 'compliance.report', { id }, manager),
    );
    expect(seen.report).toMatchObject({ status: 'submitted', score: 100, passed: true });
    expect(seen.nextSteps).toEqual(['review', 'return']);
    await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'review', pin: '1111' }, manager));
    await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'approve', pin: '1111' }, manager));
    const done = await ok<{
      report: { status: string };
      approvals: { step: string; userName: string; roleCode: string }[];
    }>(call(kiosk, 'compliance.report', { id }, manager));
    expect(done.report.status).toBe('approved');
    expect(done.approvals.map((a) => [a.step, a.userName, a.roleCode])).toEqual([
      ['submit', demoPerson('chef').name, 'chef'],
      ['review', demoPerson('manager').name, 'manager'],
      ['approve', demoPerson('manager').name, 'manager'],
    ]);
    // Countersigning is the shore's: a manager's role may not.
    expect(
      codeOf(await call(kiosk, 'compliance.sign', { reportId: id, step: 'countersign', pin: '1111' }, manager)),
    ).toBe('FORBIDDEN');
  });

  it('returns a report with a comment; it can be corrected and submitted again', async () => {
    const { kiosk } = await makeKiosk();
    const chef = await signIn(kiosk, 'chef');
    const { id } = await ok<{ id: string }>(call(kiosk, 'compliance.start', { templateId: OPENING }, chef));
    for (const [itemId, value] of Object.entries(passingAnswers(contentOf(kiosk, OPENING))))
      await ok(call(kiosk, 'compliance.answer', { reportId: id, itemId, value }, chef));
    await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef));
    const manager = await signIn(kiosk, 'manager');
    expect(codeOf(await call(kiosk, 'compliance.sign', { reportId: id, step: 'return', pin: '1111' }, manager))).toBe(
      'VALIDATION_FAILED',
    );
    await ok(
      call(
        kiosk,
        'compliance.sign',
        { reportId: id, step: 'return', pin: '1111', comment: 'Freezer reading looks wrong' },
        manager,
      ),
    );
    await ok(
      call(
        kiosk,
        'compliance.answer',
        { reportId: id, itemId: 'freezer_temp', value: { value: -15 }, reason: 'Re-checked' },
        chef,
      ),
    );
    await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef));
    const r = await ok<{
      report: { status: string; score: number; passed: boolean };
      approvals: { step: string; comment: string | null }[];
    }>(call(kiosk, 'compliance.report', { id }, manager));
    // -15 °C fails the freezer item: 10 of 11 scored items, still above the pass mark of 90.
    expect(r.report).toMatchObject({ status: 'submitted', score: 90.91, passed: true });
    expect(r.approvals.map((a) => [a.step, a.comment])).toEqual([
      ['submit', null],
      ['return', 'Freezer reading looks wrong'],
      ['submit', null],
    ]);
  });

  it('stores on submit the score recomputed from the answers and the pinned version, for every shipped template', async () => {
    const rnd = seededRandom(seedFromEnv(20261122));
    for (const siteKey of ['restaurant', 'vessel'] as const) {
      const { kiosk } = await makeKiosk({ siteKey });
      const filler = await signIn(kiosk, siteKey === 'restaurant' ? 'chef' : 'crew', siteKey);
      const pin = demoPerson(siteKey === 'restaurant' ? 'chef' : 'crew', siteKey).pin;
      const templates = await ok<{ id: string; code: string; method: string }[]>(
        call(kiosk, 'compliance.templates', {}, filler),
      );
      expect(templates.length).toBe(siteKey === 'restaurant' ? 3 : 4);
      for (const t of templates) {
        for (let i = 0; i < 3; i++) {
          const content = contentOf(kiosk, t.id);
          const answers = { ...passingAnswers(content), ...randomAnswers(content, rnd) };
          const { id } = await ok<{ id: string }>(call(kiosk, 'compliance.start', { templateId: t.id }, filler));
          for (const [itemId, value] of Object.entries(answers)) {
            const r = await call(kiosk, 'compliance.answer', { reportId: id, itemId, value }, filler);
            // N/A where the item allows none is refused; the passing answer stays.
            if (!r.ok) expect(r.error.code).toBe('VALIDATION_FAILED');
          }
          await ok(call(kiosk, 'compliance.sign', { reportId: id, step: 'submit', pin }, filler));
          const row = kiosk.store.raw
            .prepare('SELECT score, max_score, passed, template_id FROM compliance_reports WHERE id = ?')
            .get(id) as { score: number; max_score: number; passed: number; template_id: string };
          const stored = answersOf(
            kiosk.store.raw.prepare('SELECT item_id, value FROM compliance_answers WHERE report_id = ?').all(id) as {
              item_id: string;
              value: string;
            }[],
          );
          const again = scoreReport(contentOf(kiosk, row.template_id), stored);
          expect(row, `${t.code} seed ${rnd.seed}`).toEqual({
            score: again.score,
            max_score: again.maxScore,
            passed: again.passed ? 1 : 0,
            template_id: t.id,
          });
          // Every method gives a finite, reproducible score over these answers.
          for (const m of SCORING_METHODS)
            expect(scoreReport({ ...content, method: m }, stored)).toEqual(
              scoreReport({ ...content, method: m }, stored),
            );
        }
      }
    }
  });
});
