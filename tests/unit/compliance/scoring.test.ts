import { describe, expect, it } from 'vitest';
import { answerProblem, type AnswerValue } from '../../../shared/compliance/answer.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { templateContent, type TemplateContentInput } from '../../../shared/compliance/template.js';

const t = (en: string) => ({ en, fr: `${en} (fr)` });
const yes = { value: 'yes' } as const;
const no = { value: 'no' } as const;
const na = { na: true } as const;

/**
 * Two sections. Storage: door seal (yes/no, weight 1), fridge temperature 0-5 °C (number, weight 3,
 * critical), pests seen (yes/no passes on "no", weight 1, N/A allowed). Cleaning (pass mark 60,
 * section weight 2): floor (choice clean/dirty, weight 2), bins (yes/no, weight 2, N/A allowed),
 * notes (text, unscored), signature (unscored).
 */
function kitchen(method: TemplateContentInput['method'], passMark = 80) {
  return templateContent.parse({
    method,
    passMark,
    sections: [
      {
        id: 'storage',
        title: t('Storage'),
        items: [
          { id: 'door_seal', kind: 'yes_no', label: t('Door seal intact'), weight: 1 },
          {
            id: 'fridge_temp',
            kind: 'number',
            label: t('Fridge temperature'),
            weight: 3,
            critical: true,
            range: { min: 0, max: 5, unit: '°C' },
            failPoints: -5,
          },
          { id: 'pests', kind: 'yes_no', label: t('Pests seen'), expect: 'no', allowNa: true },
        ],
      },
      {
        id: 'cleaning',
        title: t('Cleaning'),
        weight: 2,
        passMark: 60,
        items: [
          {
            id: 'floor',
            kind: 'choice',
            label: t('Floor'),
            weight: 2,
            options: [
              { id: 'clean', label: t('Clean'), pass: true, points: 2 },
              { id: 'dirty', label: t('Dirty'), pass: false, points: -1 },
            ],
          },
          { id: 'bins', kind: 'yes_no', label: t('Bins emptied'), weight: 2, allowNa: true },
          { id: 'notes', kind: 'text', label: t('Notes'), required: false },
          { id: 'sign', kind: 'signature', label: t('Signature') },
        ],
      },
    ],
  });
}

// Door ok, fridge 4 °C ok, pests N/A, floor dirty, bins yes, notes and signature given.
const answers: Record<string, AnswerValue> = {
  door_seal: yes,
  fridge_temp: { value: 4 },
  pests: na,
  floor: { value: 'dirty' },
  bins: yes,
  notes: { value: 'mop replaced' },
  sign: { value: 'a'.repeat(64) },
};

describe('percentage', () => {
  it('counts every scored item once and leaves N/A out: 3 passed of 4 answered = 75', () => {
    const r = scoreReport(kitchen('percentage', 70), answers);
    expect(r.items).toMatchObject({ door_seal: 'pass', fridge_temp: 'pass', pests: 'na', floor: 'fail', bins: 'pass' });
    expect(r.items.notes).toBe('unscored');
    expect(r.score).toBe(75);
    // Cleaning: 2 of 4 weight = 50, below its gate of 60: the report fails although 75 >= 70.
    expect(r.sections).toEqual([
      { id: 'storage', score: 100, passed: true },
      { id: 'cleaning', score: 50, passed: false },
    ]);
    expect(r.passed).toBe(false);
  });
  it('passes once the gate is met: floor clean makes 4 of 4', () => {
    const r = scoreReport(kitchen('percentage', 70), { ...answers, floor: { value: 'clean' } });
    expect(r.score).toBe(100);
    expect(r.passed).toBe(true);
  });
  it('counts an unanswered item as not passed', () => {
    const r = scoreReport(kitchen('percentage', 0), { door_seal: yes });
    expect(r.items.fridge_temp).toBe('unanswered');
    expect(r.score).toBe(20); // 1 of 5 scored items
  });
});

describe('weighted (item -> section -> report)', () => {
  it('weights items within a section and sections within the report', () => {
    // Storage: door 1 + fridge 3 of 4 (pests N/A) = 100. Cleaning: bins 2 of floor 2 + bins 2 = 50.
    // Report: (1 x 100 + 2 x 50) / 3 = 66.67.
    const r = scoreReport(kitchen('weighted', 60), { ...answers });
    expect(r.sections.map((s) => s.score)).toEqual([100, 50]);
    expect(r.score).toBe(66.67);
    expect(r.passed).toBe(false); // cleaning gate 60 not met
  });
  it('a failed heavy item weighs more: fridge 8 °C fails 3 of 4 in storage', () => {
    const r = scoreReport(kitchen('weighted', 0), { ...answers, fridge_temp: { value: 8 }, floor: { value: 'clean' } });
    // Storage 1/4 = 25, cleaning 4/4 = 100; (25 + 200) / 3 = 75.
    expect(r.sections.map((s) => s.score)).toEqual([25, 100]);
    expect(r.score).toBe(75);
    expect(r.failedCritical).toEqual(['fridge_temp']);
    expect(r.passed).toBe(false); // critical item failed
  });
  it('leaves a section whose items are all N/A out of the report', () => {
    const c = kitchen('weighted', 0);
    const r = scoreReport(c, {
      door_seal: yes,
      fridge_temp: { value: 1 },
      pests: no,
      floor: { value: 'clean' },
      bins: na,
    });
    expect(r.sections.map((s) => s.score)).toEqual([100, 100]);
    const onlyNa = scoreReport(
      templateContent.parse({
        method: 'weighted',
        sections: [
          { id: 'a', title: t('A'), items: [{ id: 'x', kind: 'yes_no', label: t('X') }] },
          { id: 'b', title: t('B'), weight: 5, items: [{ id: 'y', kind: 'yes_no', label: t('Y'), allowNa: true }] },
        ],
      }),
      { x: yes, y: na },
    );
    expect(onlyNa.sections[1].score).toBeNull();
    expect(onlyNa.score).toBe(100);
  });
});

describe('pass/fail (critical items and section gates)', () => {
  it('is 100 when nothing critical failed and every gate is met', () => {
    const r = scoreReport(kitchen('pass_fail'), { ...answers, floor: { value: 'clean' } });
    expect(r).toMatchObject({ score: 100, passed: true, failedCritical: [] });
  });
  it('is 0 when a critical item fails, even with every other item passed', () => {
    const r = scoreReport(kitchen('pass_fail'), { ...answers, floor: { value: 'clean' }, fridge_temp: { value: -1 } });
    expect(r).toMatchObject({ score: 0, passed: false, failedCritical: ['fridge_temp'] });
  });
  it('is 0 when a section misses its gate', () => {
    expect(scoreReport(kitchen('pass_fail'), answers)).toMatchObject({ score: 0, passed: false, failedCritical: [] });
  });
});

describe('points (negative allowed)', () => {
  it('adds the points earned out of the most possible on items not N/A', () => {
    // door 1 + fridge 3 + floor dirty -1 + bins 2 = 5; most: 1 + 3 + 2 + 2 = 8 (pests N/A).
    const r = scoreReport(kitchen('points', 5), answers);
    expect(r.score).toBe(5);
    expect(r.maxScore).toBe(8);
    expect(r.passed).toBe(false); // cleaning gate
  });
  it('goes below zero with penalties', () => {
    // door no 0, fridge 9 °C -5, pests yes 0, floor dirty -1, bins no 0 = -6; most 1+3+1+2+2 = 9.
    const r = scoreReport(kitchen('points', 0), {
      door_seal: no,
      fridge_temp: { value: 9 },
      pests: yes,
      floor: { value: 'dirty' },
      bins: no,
    });
    expect(r.score).toBe(-6);
    expect(r.maxScore).toBe(9);
    expect(r.passed).toBe(false);
  });
});

describe('templates and answers are validated', () => {
  it('refuses an item id used twice, naming it', () => {
    const r = templateContent.safeParse({
      method: 'percentage',
      sections: [
        {
          id: 's',
          title: t('S'),
          items: [
            { id: 'a', kind: 'yes_no', label: t('A') },
            { id: 'a', kind: 'yes_no', label: t('B') },
          ],
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('Item id a is used twice');
  });
  it('refuses a number item without a range and a critical text item', () => {
    const bad = (item: object) =>
      templateContent.safeParse({ method: 'percentage', sections: [{ id: 's', title: t('S'), items: [item] }] }).error
        ?.issues[0].message;
    expect(bad({ id: 'n', kind: 'number', label: t('N') })).toContain('range');
    expect(bad({ id: 'x', kind: 'text', label: t('X'), critical: true })).toContain('can be critical');
  });
  it('says what is wrong with an answer', () => {
    const c = kitchen('percentage');
    const item = (id: string) => c.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
    expect(answerProblem(item('fridge_temp'), { value: 'cold' })).toBe('Type a number in °C');
    expect(answerProblem(item('door_seal'), na)).toContain('not applicable');
    expect(answerProblem(item('pests'), na)).toBeNull();
    expect(answerProblem(item('floor'), { value: 'shiny' })).toBe('Choose one of the options');
    expect(answerProblem(item('sign'), { value: 'x' })).toBe('Attach the signature');
  });
});
