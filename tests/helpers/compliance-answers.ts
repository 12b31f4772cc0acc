import type { AnswerValue } from '../../shared/compliance/answer.js';
import { templateItems, type TemplateContent } from '../../shared/compliance/template.js';
import type { seededRandom } from './seeded-random.js';

/**
 * A plausible set of answers for a template from a seeded random source: every kind answered
 * with a value of its type (numbers around the passing range), N/A where allowed, some left blank.
 */
export function randomAnswers(
  content: TemplateContent,
  rnd: ReturnType<typeof seededRandom>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const { item } of templateItems(content)) {
    const roll = rnd.next();
    if (roll < 0.05) continue;
    if (item.allowNa && roll < 0.15) {
      out[item.id] = { na: true };
      continue;
    }
    switch (item.kind) {
      case 'yes_no':
        out[item.id] = { value: rnd.pick(['yes', 'no']) };
        break;
      case 'choice':
        out[item.id] = { value: rnd.pick(item.options!).id };
        break;
      case 'number': {
        const { min, max } = item.range!;
        const lo = (min ?? (max ?? 0) - 20) - 5;
        const hi = (max ?? (min ?? 0) + 20) + 5;
        out[item.id] = { value: Math.round((lo + rnd.next() * (hi - lo)) * 10) / 10 };
        break;
      }
      case 'text':
        out[item.id] = { value: `note ${rnd.int(1000)}` };
        break;
      case 'date':
        out[item.id] = { value: `2026-11-${String(1 + rnd.int(28)).padStart(2, '0')}` };
        break;
      case 'photo':
      case 'signature':
        out[item.id] = { value: rnd.int(16).toString(16).repeat(64) };
        break;
    }
  }
  return out;
}

/** An answer that passes for every item (the value a careful person would give). */
export function passingAnswers(content: TemplateContent): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const { item } of templateItems(content)) {
    switch (item.kind) {
      case 'yes_no':
        out[item.id] = { value: item.expect ?? 'yes' };
        break;
      case 'choice':
        out[item.id] = { value: item.options!.find((o) => o.pass)!.id };
        break;
      case 'number': {
        const { min, max } = item.range!;
        out[item.id] = { value: min !== undefined && max !== undefined ? (min + max) / 2 : (min ?? max!) };
        break;
      }
      case 'text':
        out[item.id] = { value: 'All in order' };
        break;
      case 'date':
        out[item.id] = { value: '2026-11-22' };
        break;
      case 'photo':
      case 'signature':
        out[item.id] = { value: 'ab'.repeat(32) };
        break;
    }
  }
  return out;
}
