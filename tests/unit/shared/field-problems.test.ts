import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract.js';
import { fieldProblemsFromZod, parseScore } from '../../../shared/domain/field-problems.js';
import { sessionProblems } from '../../../shared/training/session-form.js';
import { describeError, describeFieldProblem } from '../../../renderer/i18n/describe-error.js';
import { createI18n } from '../../../renderer/i18n/index.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');
const draft = {
  title: 'Food safety refresher',
  location: 'Kitchen',
  startsAt: '2026-11-25T14:00:00.000Z',
  endsAt: '2026-11-25T16:00:00.000Z',
  capacity: 8,
};

describe('scores typed by hand', () => {
  it('are never dropped or clamped: "abc" and "150" are problems, empty is "not scored"', () => {
    expect(parseScore('abc', 'practicalScore')).toEqual({
      problem: { field: 'practicalScore', problem: 'not_a_number' },
    });
    expect(parseScore('150', 'writtenScore')).toEqual({
      problem: { field: 'writtenScore', problem: 'too_high', limit: 100 },
    });
    expect(parseScore('-5', 'writtenScore')).toEqual({ problem: { field: 'writtenScore', problem: 'not_a_number' } });
    expect(parseScore('87,5', 'writtenScore')).toEqual({ value: 87.5 });
    expect(parseScore(' ', 'writtenScore')).toEqual({ value: null });
  });
});

describe('planning a classroom session', () => {
  it('accepts a session still to come', () => {
    expect(sessionProblems(draft, NOW)).toEqual([]);
  });
  it('refuses one dated in the past, a missing place and a title over 120 characters, naming each field', () => {
    expect(
      sessionProblems(
        {
          ...draft,
          startsAt: '2026-11-21T14:00:00.000Z',
          endsAt: '2026-11-21T16:00:00.000Z',
          location: ' ',
          title: 'x'.repeat(121),
        },
        NOW,
      ),
    ).toEqual([
      { field: 'title', problem: 'too_long', limit: 120 },
      { field: 'location', problem: 'required' },
      { field: 'startsAt', problem: 'in_past' },
    ]);
  });
});

describe('a refused form in the kiosk language', () => {
  const issues = contract['training.createSession'].input.safeParse({
    ...draft,
    moduleId: null,
    title: 'x'.repeat(300),
  }).error!.issues;
  it('the contract refusal names the field and its limit', () => {
    expect(fieldProblemsFromZod(issues)).toEqual([{ field: 'title', problem: 'too_long', limit: 120 }]);
  });
  it('says which field, in French and in English, instead of "Something entered is not valid"', () => {
    const error = {
      code: 'VALIDATION_FAILED' as const,
      message: 'x',
      details: { problems: fieldProblemsFromZod(issues) },
    };
    const fr = createI18n('fr');
    expect(describeError(fr.t, 'fr', error)).toBe('Titre\u00a0: 120 caractères au plus.');
    const en = createI18n('en');
    expect(describeError(en.t, 'en', error)).toBe('Title: at most 120 characters.');
    expect(describeFieldProblem(en.t, { field: 'startsAt', problem: 'in_past' })).toBe(
      'Starts: this moment has already passed; choose a later one.',
    );
  });
});
