import { describe, expect, it } from 'vitest';
import {
  assessmentKind,
  chainResult,
  scenarioChains,
  scoreOutcome,
} from '../../../shared/training/assessment-scoring.js';
import { confidentlyWrong } from '../../../shared/training/confidence.js';
import { missingPrerequisites, parsePrerequisites } from '../../../shared/training/prerequisites.js';

const q = (id: string, weight = 1) => ({ id, weight, correct: ['a'] });
const item = (id: string, weight = 1, critical = false) => ({ id, weight, critical });

describe('practical and mixed scoring', () => {
  it('a practical is not complete, and passes nothing, until every item has a verdict', () => {
    const r = scoreOutcome({
      questions: [],
      answers: [],
      answered: false,
      items: [item('i1'), item('i2')],
      signoffs: [{ itemId: 'i1', competent: true }],
      passThreshold: 50,
    });
    expect(r).toMatchObject({ complete: false, passed: false, pendingItems: ['i2'], score: 50 });
  });

  it('weights questions and items together: 1 right of 2 questions and 2 competent items of weight 2 and 1 is 80 %', () => {
    const r = scoreOutcome({
      questions: [q('q1'), q('q2')],
      answers: [
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q2', selected: ['b'] },
      ],
      answered: true,
      items: [item('i1', 2), item('i2', 1)],
      signoffs: [
        { itemId: 'i1', competent: true },
        { itemId: 'i2', competent: true },
      ],
      passThreshold: 80,
    });
    expect(r).toMatchObject({ complete: true, score: 80, passed: true, failedCritical: [] });
  });

  it('a critical item judged not competent fails the assessment whatever the score', () => {
    const r = scoreOutcome({
      questions: [q('q1', 9)],
      answers: [{ questionId: 'q1', selected: ['a'] }],
      answered: true,
      items: [item('i1', 1, true)],
      signoffs: [{ itemId: 'i1', competent: false }],
      passThreshold: 75,
    });
    expect(r).toMatchObject({ complete: true, score: 90, passed: false, failedCritical: ['i1'] });
  });

  it('the written part of a mixed assessment must be submitted before it completes', () => {
    const r = scoreOutcome({
      questions: [q('q1')],
      answers: [],
      answered: false,
      items: [item('i1')],
      signoffs: [{ itemId: 'i1', competent: true }],
      passThreshold: 50,
    });
    expect(r.complete).toBe(false);
  });

  it('names the kind of assessment from what the module holds', () => {
    expect(assessmentKind([{ scenario: null }], 0)).toBe('quiz');
    expect(assessmentKind([{ scenario: 'Fire' }], 0)).toBe('scenario');
    expect(assessmentKind([], 2)).toBe('practical');
    expect(assessmentKind([{ scenario: null }, { scenario: 'Fire' }], 0)).toBe('mixed');
    expect(assessmentKind([{ scenario: 'Fire' }], 1)).toBe('mixed');
  });
});

describe('scenario chains', () => {
  const qs = [
    { id: 'a', scenario: null },
    { id: 'b', scenario: 'Fire in the galley' },
    { id: 'c', scenario: 'Fire in the galley' },
    { id: 'd', scenario: 'Man overboard' },
    { id: 'e', scenario: null },
    { id: 'f', scenario: 'Fire in the galley' },
  ];
  it('groups consecutive questions on one situation into a chain; the same situation later is a new chain', () => {
    expect(scenarioChains(qs)).toEqual([
      { scenario: 'Fire in the galley', questionIds: ['b', 'c'] },
      { scenario: 'Man overboard', questionIds: ['d'] },
      { scenario: 'Fire in the galley', questionIds: ['f'] },
    ]);
  });
  it('counts the steps right before the first mistake; solved only when every step is right', () => {
    expect(chainResult(['b', 'c', 'x'], { b: true, c: false, x: true })).toEqual({
      steps: 3,
      rightBeforeFirstMistake: 1,
      solved: false,
    });
    expect(chainResult(['b', 'c'], { b: true, c: true })).toEqual({
      steps: 2,
      rightBeforeFirstMistake: 2,
      solved: true,
    });
  });
});

describe('prerequisites', () => {
  it('lists what is not passed yet, in the order the module names them', () => {
    expect(missingPrerequisites(['A', 'B', 'C'], new Set(['B']))).toEqual(['A', 'C']);
    expect(missingPrerequisites([], new Set())).toEqual([]);
  });
  it('reads stored prerequisites, and anything malformed as none', () => {
    expect(parsePrerequisites('["FOOD_SAFETY_101"]')).toEqual(['FOOD_SAFETY_101']);
    expect(parsePrerequisites('{"a":1}')).toEqual([]);
    expect(parsePrerequisites('not json')).toEqual([]);
  });
});

describe('confidence analytics', () => {
  it('lists questions answered wrongly with confidence 4 or 5, most often first; guesses and right answers do not count', () => {
    const r = confidentlyWrong([
      { questionId: 'q1', correct: false, confidence: 5 },
      { questionId: 'q1', correct: false, confidence: 2 },
      { questionId: 'q1', correct: true, confidence: 5 },
      { questionId: 'q2', correct: false, confidence: 4 },
      { questionId: 'q2', correct: false, confidence: 5 },
      { questionId: 'q3', correct: false, confidence: 3 },
      { questionId: 'q4', correct: false, confidence: null },
    ]);
    expect(r).toEqual([
      { questionId: 'q2', confidentWrong: 2, rated: 2, averageConfidenceWhenWrong: 4.5 },
      { questionId: 'q1', confidentWrong: 1, rated: 3, averageConfidenceWhenWrong: 3.5 },
    ]);
  });
});
