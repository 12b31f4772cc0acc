import { isNa, type AnswerValue } from './answer.js';
import {
  SCORED_KINDS,
  templateItems,
  type TemplateContent,
  type TemplateItem,
  type TemplateSection,
} from './template.js';

/**
 * Compliance scoring: a pure function of the pinned template version and the answers, so the
 * kiosk, the server and a later audit compute the same number from the same rows.
 *
 * - percentage: passed items / answered items (N/A left out) x 100; every item counts once.
 * - weighted: each section scores sum(weight passed) / sum(weight not N/A) x 100; the report is
 *   the mean of the section scores weighted by section weight (sections wholly N/A left out).
 * - pass_fail: the score is 100 or 0: 100 when no critical item failed and every section reached
 *   its pass mark.
 * - points: the sum of the points earned (negative points allowed) out of the most that could be
 *   earned on the items not N/A.
 * Under every method a failed critical item or a section below its pass mark fails the report.
 * An unanswered scored item counts as not passed (a draft's score only rises as it is filled).
 */
export type ItemOutcome = 'pass' | 'fail' | 'na' | 'unanswered' | 'unscored';

export interface SectionScore {
  id: string;
  /** 0-100, two decimals; null when every scored item is N/A. */
  score: number | null;
  passed: boolean;
}

export interface ReportScore {
  /** 0-100 for percentage, weighted and pass_fail; points for points. Two decimals. */
  score: number;
  /** 100, or under points the most that could be earned. */
  maxScore: number;
  passed: boolean;
  sections: SectionScore[];
  /** Ids of critical items answered and failed: each raises a corrective action. */
  failedCritical: string[];
  items: Record<string, ItemOutcome>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function itemOutcome(item: TemplateItem, answer: AnswerValue | undefined): ItemOutcome {
  if (!SCORED_KINDS.includes(item.kind)) return 'unscored';
  if (answer === undefined) return 'unanswered';
  if (isNa(answer)) return 'na';
  const v = answer.value;
  if (item.kind === 'yes_no') return v === (item.expect ?? 'yes') ? 'pass' : 'fail';
  if (item.kind === 'choice') return item.options!.find((o) => o.id === v)?.pass ? 'pass' : 'fail';
  const { min, max } = item.range!;
  if (typeof v !== 'number') return 'fail';
  return (min === undefined || v >= min) && (max === undefined || v <= max) ? 'pass' : 'fail';
}

/** Points an item earns (points method), and the most it could earn. */
function itemPoints(item: TemplateItem, answer: AnswerValue | undefined, outcome: ItemOutcome): [number, number] {
  if (item.kind === 'choice') {
    const pts = item.options!.map((o) => o.points ?? (o.pass ? item.weight : 0));
    const best = Math.max(...pts);
    const chosen = answer && !isNa(answer) ? item.options!.findIndex((o) => o.id === answer.value) : -1;
    return [chosen >= 0 ? pts[chosen] : 0, best];
  }
  const fail = item.failPoints ?? 0;
  return [outcome === 'pass' ? item.weight : outcome === 'fail' ? fail : 0, Math.max(item.weight, fail)];
}

function sectionScore(section: TemplateSection, items: Record<string, ItemOutcome>): number | null {
  let total = 0;
  let earned = 0;
  for (const item of section.items) {
    const o = items[item.id];
    if (o === 'unscored' || o === 'na') continue;
    total += item.weight;
    if (o === 'pass') earned += item.weight;
  }
  return total > 0 ? round2((earned / total) * 100) : null;
}

/**
 * @example
 * scoreReport(content, { door_seal: { value: 'yes' }, fridge_temp: { value: 7 } })
 *   // { score: 50, maxScore: 100, passed: false, failedCritical: ['fridge_temp'], ... }
 */
export function scoreReport(content: TemplateContent, answers: Readonly<Record<string, AnswerValue>>): ReportScore {
  const items: Record<string, ItemOutcome> = {};
  const failedCritical: string[] = [];
  let counted = 0;
  let passedCount = 0;
  let points = 0;
  let maxPoints = 0;
  for (const { item } of templateItems(content)) {
    const answer = answers[item.id];
    const o = itemOutcome(item, answer);
    items[item.id] = o;
    if (o === 'unscored' || o === 'na') continue;
    counted += 1;
    if (o === 'pass') passedCount += 1;
    if (o === 'fail' && item.critical) failedCritical.push(item.id);
    const [earned, most] = itemPoints(item, answer, o);
    points += earned;
    maxPoints += most;
  }

  const sections = content.sections.map((s): SectionScore => {
    const score = sectionScore(s, items);
    return { id: s.id, score, passed: s.passMark === undefined || score === null || score >= s.passMark };
  });
  const gatesMet = failedCritical.length === 0 && sections.every((s) => s.passed);

  let score: number;
  let maxScore = 100;
  switch (content.method) {
    case 'percentage':
      score = counted > 0 ? round2((passedCount / counted) * 100) : 100;
      break;
    case 'weighted': {
      let w = 0;
      let sum = 0;
      content.sections.forEach((s, i) => {
        const sc = sections[i].score;
        if (sc === null || s.weight === 0) return;
        w += s.weight;
        sum += s.weight * sc;
      });
      score = w > 0 ? round2(sum / w) : 100;
      break;
    }
    case 'pass_fail':
      score = gatesMet ? 100 : 0;
      break;
    case 'points':
      score = round2(points);
      maxScore = round2(maxPoints);
      break;
  }
  const passed = gatesMet && (content.method === 'pass_fail' || score >= content.passMark);
  return { score, maxScore, passed, sections, failedCritical, items };
}
