import { shippedContentRows } from '../../shared/training/content-rows.js';
import type { CentralTransaction } from '../db/site-tx.js';

/**
 * Inserts the organisation's shipped training content that the central store lacks, with the ids
 * every kiosk derives, inside the caller's organisation transaction (ensureCentralReferenceData),
 * stamped with that transaction's org version (`version`, taken only if anything is missing).
 * Existing rows are left alone. Returns how many rows it inserted.
 */
export async function insertTrainingContent(trx: CentralTransaction, version: () => Promise<number>): Promise<number> {
  const rows = shippedContentRows();
  const have = new Set(
    (
      await trx
        .selectFrom('training_modules')
        .select('id')
        .where(
          'id',
          'in',
          rows.modules.map((m) => m.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const havePaths = new Set(
    (
      await trx
        .selectFrom('training_paths')
        .select('id')
        .where(
          'id',
          'in',
          rows.paths.map((m) => m.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const modules = rows.modules.filter((m) => !have.has(m.id));
  const paths = rows.paths.filter((p) => !havePaths.has(p.id));
  if (!modules.length && !paths.length) return 0;
  const _version = await version();
  const ids = new Set(modules.map((m) => m.id));
  let n = 0;
  const put = async (
    table:
      'training_modules' | 'training_sections' | 'training_questions' | 'training_practical_items' | 'training_paths',
    list: object[],
  ) => {
    if (!list.length) return;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const res = await trx
      .insertInto(table)
      .values(list.map((r) => ({ ...r, _version })) as any)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    n += res.length;
  };
  await put('training_modules', modules);
  await put(
    'training_sections',
    rows.sections.filter((s) => ids.has(s.module_id)),
  );
  await put(
    'training_questions',
    rows.questions.filter((q) => ids.has(q.module_id)),
  );
  await put(
    'training_practical_items',
    rows.practicalItems.filter((p) => ids.has(p.module_id)),
  );
  await put('training_paths', paths);
  return n;
}
