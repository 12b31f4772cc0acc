/**
 * Assessment scoring, the rule of issue 4: score = sum of the weights of correctly answered
 * questions / sum of all weights x 100. A question is answered correctly when the chosen options
 * are exactly its correct options (a multiple-choice question with one box missed is wrong).
 * Pure, so the kiosk and the server compute the same number from the same rows.
 */
export interface ScoredQuestion {
  id: string;
  weight: number;
  correct: readonly string[];
}

export interface GivenAnswer {
  questionId: string;
  selected: readonly string[];
}

export interface ScoreResult {
  /** 0-100, rounded to two decimals. */
  score: number;
  passed: boolean;
  /** Question id -> answered correctly. Unanswered questions count as wrong. */
  correct: Record<string, boolean>;
}

export function isCorrect(correct: readonly string[], selected: readonly string[]): boolean {
  const want = new Set(correct);
  const got = new Set(selected);
  return want.size === got.size && [...want].every((o) => got.has(o));
}

/**
 * @example
 * scoreAssessment([{ id: 'q1', weight: 3, correct: ['a'] }, { id: 'q2', weight: 1, correct: ['b'] }],
 *   [{ questionId: 'q1', selected: ['a'] }], 80) // { score: 75, passed: false, ... }
 */
export function scoreAssessment(
  questions: readonly ScoredQuestion[],
  answers: readonly GivenAnswer[],
  passThreshold: number,
): ScoreResult {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.selected]));
  let total = 0;
  let earned = 0;
  const correct: Record<string, boolean> = {};
  for (const q of questions) {
    total += q.weight;
    const sel = byQuestion.get(q.id);
    const ok = sel !== undefined && isCorrect(q.correct, sel);
    correct[q.id] = ok;
    if (ok) earned += q.weight;
  }
  const score = total > 0 ? Math.round((earned / total) * 10000) / 100 : 0;
  return { score, passed: score >= passThreshold, correct };
}

export interface AttemptHistory {
  submittedAt: string | null;
  passed: number | null;
}

/**
 * Whether a person may start another attempt: at most `maxAttempts` submitted failures before a
 * pass, and `cooldownMinutes` after the last failed one. Returns when the next attempt opens.
 */
export function attemptAllowance(
  history: readonly AttemptHistory[],
  maxAttempts: number,
  cooldownMinutes: number,
  now: string,
): { allowed: boolean; reason?: 'max_attempts' | 'cooldown'; opensAt?: string; used: number } {
  const submitted = history.filter((h) => h.submittedAt !== null);
  const used = submitted.length;
  if (maxAttempts > 0 && used >= maxAttempts && !submitted.some((h) => h.passed === 1))
    return { allowed: false, reason: 'max_attempts', used };
  const lastFail = submitted
    .filter((h) => h.passed !== 1)
    .map((h) => h.submittedAt!)
    .sort()
    .at(-1);
  if (lastFail && cooldownMinutes > 0) {
    const opens = new Date(Date.parse(lastFail) + cooldownMinutes * 60_000).toISOString();
    if (opens > now) return { allowed: false, reason: 'cooldown', opensAt: opens, used };
  }
  return { allowed: true, used };
}
