import { answerProblem, answerValue, type AnswerValue } from './answer.js';
import { contentHash } from './content-hash.js';
import { templateContent, templateItems, type TemplateContent } from './template.js';

/** The stored answers of a report as the scoring rules take them (rows hold JSON text). */
export function answersOf(rows: readonly { item_id: string; value: string }[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const r of rows) out[r.item_id] = answerValue.parse(JSON.parse(r.value));
  return out;
}

export const parseContent = (json: string): TemplateContent => templateContent.parse(JSON.parse(json));

/** The hash of what was answered, item by item: what a signer saw, carried by exports. */
export const answersHash = (answers: Readonly<Record<string, AnswerValue>>): string => contentHash(answers);

/**
 * What stops a report being submitted: required items left blank and answers that no longer fit
 * their item, each naming the item so the screen can take the person to it.
 */
export function submitProblems(
  content: TemplateContent,
  answers: Readonly<Record<string, AnswerValue>>,
): { itemId: string; message: string }[] {
  const out: { itemId: string; message: string }[] = [];
  for (const { item } of templateItems(content)) {
    const a = answers[item.id];
    if (a === undefined) {
      if (item.required) out.push({ itemId: item.id, message: `"${item.label.en}" needs an answer` });
      continue;
    }
    const p = answerProblem(item, a);
    if (p) out.push({ itemId: item.id, message: `"${item.label.en}": ${p}` });
  }
  return out;
}
