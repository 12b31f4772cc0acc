import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { confidentlyWrong } from '../../../shared/training/confidence.js';

/**
 * Questions this site's learners answered wrongly while saying they were sure (confidence 4-5),
 * most often first, with the question's text and module title in both languages.
 */
export async function misconceptionsAt(db: Kysely<SyncedDatabase>, siteId: string, limit = 10) {
  const rows = await db
    .selectFrom('training_responses as r')
    .innerJoin('training_questions as q', 'q.id', 'r.question_id')
    .innerJoin('training_modules as m', 'm.id', 'q.module_id')
    .select(['r.question_id', 'r.correct', 'r.confidence', 'q.prompt_en', 'q.prompt_fr', 'm.title_en', 'm.title_fr'])
    .where('r.site_id', '=', siteId)
    .where('r.confidence', 'is not', null)
    .execute();
  const text = new Map(rows.map((r) => [r.question_id, r]));
  return confidentlyWrong(
    rows.map((r) => ({ questionId: r.question_id, correct: r.correct === 1, confidence: r.confidence })),
  )
    .slice(0, limit)
    .map((m) => {
      const t = text.get(m.questionId)!;
      return {
        ...m,
        prompt: { en: t.prompt_en, fr: t.prompt_fr },
        moduleTitle: { en: t.title_en, fr: t.title_fr },
      };
    });
}
