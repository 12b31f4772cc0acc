import { isCorrect, type GivenAnswer, type ScoredQuestion } from './scoring.js';

/**
 * Scoring of the assessment types of the training guide (§1): a quiz (questions), a scenario (a
 * chain of questions on one situation, scored like questions), a practical (items an instructor
 * signs off) and a mixed assessment (any of these together). Every question and every item carries
 * a weight; the score is the earned weight over all weight x 100. A practical attempt is complete
 * only once every item has a verdict, and one critical item judged not competent fails it whatever
 * the score. Pure, so the kiosk, the other kiosk and the server compute the same outcome.
 */
export interface PracticalItem {
  id: string;
  weight: number;
  critical: boolean;
}

export interface Signoff {
  itemId: string;
  competent: boolean;
}

export interface AssessmentOutcome {
  /** Every question answered (or none to answer) and every item signed off. */
  complete: boolean;
  /** 0-100, two decimals, over what is known so far. */
  score: number;
  passed: boolean;
  /** Items still waiting for an instructor's verdict. */
  pendingItems: string[];
  /** Critical items judged not competent. */
  failedCritical: string[];
  correct: Record<string, boolean>;
}

export type AssessmentKind = 'quiz' | 'scenario' | 'practical' | 'mixed';

/** What a module's assessment is, from what it holds. */
export function assessmentKind(questions: readonly { scenario: string | null }[], itemCount: number): AssessmentKind {
  const scenario = questions.filter((q) => q.scenario !== null).length;
  const plain = questions.length - scenario;
  const parts = [plain > 0, scenario > 0, itemCount > 0].filter(Boolean).length;
  if (parts > 1) return 'mixed';
  if (itemCount > 0) return 'practical';
  return scenario > 0 ? 'scenario' : 'quiz';
}

/**
 * @example
 * scoreOutcome({ questions: [{ id: 'q', weight: 1, correct: ['a'] }], answers: [{ questionId: 'q', selected: ['a'] }],
 *   answered: true, items: [{ id: 'i', weight: 1, critical: true }], signoffs: [{ itemId: 'i', competent: false }],
 *   passThreshold: 50 }) // { complete: true, score: 50, passed: false, failedCritical: ['i'], ... }
 */
export function scoreOutcome(input: {
  questions: readonly ScoredQuestion[];
  answers: readonly GivenAnswer[];
  /** Whether the written part was submitted (irrelevant when there are no questions). */
  answered: boolean;
  items: readonly PracticalItem[];
  signoffs: readonly Signoff[];
  passThreshold: number;
}): AssessmentOutcome {
  const given = new Map(input.answers.map((a) => [a.questionId, a.selected]));
  const verdict = new Map(input.signoffs.map((s) => [s.itemId, s.competent]));
  let total = 0;
  let earned = 0;
  const correct: Record<string, boolean> = {};
  for (const q of input.questions) {
    total += q.weight;
    const sel = given.get(q.id);
    correct[q.id] = sel !== undefined && isCorrect(q.correct, sel);
    if (correct[q.id]) earned += q.weight;
  }
  const pendingItems: string[] = [];
  const failedCritical: string[] = [];
  for (const i of input.items) {
    total += i.weight;
    const v = verdict.get(i.id);
    if (v === undefined) pendingItems.push(i.id);
    else if (v) earned += i.weight;
    else if (i.critical) failedCritical.push(i.id);
  }
  const score = total > 0 ? Math.round((earned / total) * 10000) / 100 : 0;
  const complete = (input.questions.length === 0 || input.answered) && pendingItems.length === 0;
  return {
    complete,
    score,
    passed: complete && score >= input.passThreshold && failedCritical.length === 0,
    pendingItems,
    failedCritical,
    correct,
  };
}

export interface ScenarioQuestion {
  id: string;
  scenario: string | null;
}

/**
 * The chains of a module: consecutive questions on the same situation. A plain question is not in
 * any chain. Each chain is answered step by step, one question shown after the other.
 */
export function scenarioChains(questions: readonly ScenarioQuestion[]): { scenario: string; questionIds: string[] }[] {
  const chains: { scenario: string; questionIds: string[] }[] = [];
  let prev: string | null = null;
  for (const q of questions) {
    if (q.scenario === null) {
      prev = null;
      continue;
    }
    if (q.scenario === prev) chains.at(-1)!.questionIds.push(q.id);
    else chains.push({ scenario: q.scenario, questionIds: [q.id] });
    prev = q.scenario;
  }
  return chains;
}

/**
 * How far a learner got along a chain before the first wrong step: a scenario tests whether each
 * decision follows from the one before, so "solved" means every step right.
 */
export function chainResult(questionIds: readonly string[], correct: Readonly<Record<string, boolean>>) {
  const firstWrong = questionIds.findIndex((id) => !correct[id]);
  return {
    steps: questionIds.length,
    rightBeforeFirstMistake: firstWrong === -1 ? questionIds.length : firstWrong,
    solved: firstWrong === -1,
  };
}
