/**
 * Confidence analytics (training guide §1): a learner may say how sure they are of each answer,
 * 1 (guessing) to 5 (certain). A wrong answer given with high confidence is a misconception,
 * worse than a guess: those questions are listed first for the trainer to address.
 */
export const HIGH_CONFIDENCE = 4;

export interface ConfidentResponse {
  questionId: string;
  correct: boolean;
  confidence: number | null;
}

export interface Misconception {
  questionId: string;
  /** Wrong answers given with confidence >= HIGH_CONFIDENCE. */
  confidentWrong: number;
  /** Every answer to the question that carried a confidence. */
  rated: number;
  averageConfidenceWhenWrong: number;
}

/**
 * Questions answered wrongly with high confidence, most often first (ties by question id, so the
 * order is stable).
 *
 * @example
 * confidentlyWrong([{ questionId: 'q1', correct: false, confidence: 5 }, { questionId: 'q1', correct: true, confidence: 4 }])
 * // [{ questionId: 'q1', confidentWrong: 1, rated: 2, averageConfidenceWhenWrong: 5 }]
 */
export function confidentlyWrong(
  responses: readonly ConfidentResponse[],
  threshold = HIGH_CONFIDENCE,
): Misconception[] {
  const by = new Map<string, { confidentWrong: number; rated: number; wrongSum: number; wrongN: number }>();
  for (const r of responses) {
    if (r.confidence === null) continue;
    const e = by.get(r.questionId) ?? { confidentWrong: 0, rated: 0, wrongSum: 0, wrongN: 0 };
    e.rated += 1;
    if (!r.correct) {
      e.wrongSum += r.confidence;
      e.wrongN += 1;
      if (r.confidence >= threshold) e.confidentWrong += 1;
    }
    by.set(r.questionId, e);
  }
  return [...by.entries()]
    .filter(([, e]) => e.confidentWrong > 0)
    .map(([questionId, e]) => ({
      questionId,
      confidentWrong: e.confidentWrong,
      rated: e.rated,
      averageConfidenceWhenWrong: Math.round((e.wrongSum / e.wrongN) * 100) / 100,
    }))
    .sort((a, b) => b.confidentWrong - a.confidentWrong || a.questionId.localeCompare(b.questionId));
}
