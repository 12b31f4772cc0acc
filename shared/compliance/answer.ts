import { z } from 'zod';
import { isIsoDate } from '../classes/site-time.js';
import type { TemplateItem } from './template.js';

/**
 * One answer to one item, as stored (JSON text in compliance_answers.value): either "not
 * applicable" or a value whose type follows the item's kind: 'yes' | 'no' for yes/no, an option id
 * for a choice, a number, a text, a YYYY-MM-DD date, or the content hash of a photo or signature.
 */
export const answerValue = z.union([
  z.object({ na: z.literal(true) }).strict(),
  z.object({ value: z.union([z.string().max(4000), z.number().finite()]) }).strict(),
]);
export type AnswerValue = z.infer<typeof answerValue>;

export const isNa = (a: AnswerValue | undefined): a is { na: true } => a !== undefined && 'na' in a;

const HASH = /^[0-9a-f]{64}$/;

/**
 * Why this value does not fit the item, in words a person can act on, or null when it fits.
 *
 * @example answerProblem({ kind: 'number', range: { min: 0, max: 5, unit: '°C' }, ... }, { value: 'cold' })
 *   // 'Type a number in °C'
 */
export function answerProblem(item: TemplateItem, answer: AnswerValue): string | null {
  if (isNa(answer)) return item.allowNa ? null : 'This item cannot be answered "not applicable"';
  const v = answer.value;
  switch (item.kind) {
    case 'yes_no':
      return v === 'yes' || v === 'no' ? null : 'Answer yes or no';
    case 'choice':
      return typeof v === 'string' && item.options!.some((o) => o.id === v) ? null : 'Choose one of the options';
    case 'number':
      return typeof v === 'number' ? null : `Type a number in ${item.range!.unit}`;
    case 'text':
      return typeof v === 'string' && v.trim().length > 0 ? null : 'Type some text';
    case 'date':
      return typeof v === 'string' && isIsoDate(v) ? null : 'Give a date as YYYY-MM-DD';
    case 'photo':
    case 'signature':
      return typeof v === 'string' && HASH.test(v) ? null : `Attach the ${item.kind}`;
  }
}
