import { shippedContentRows } from '../../../shared/training/content-rows.js';
import type { Store } from '../db/store.js';

/**
 * The organisation's shipped training content (shared/training/demo-content.ts), inserted on every
 * kiosk at start with the ids the server uses, so an offline kiosk can train from its first minute
 * and a pull later finds the same rows. Existing rows are left alone.
 */
export async function ensureTrainingContent(store: Store): Promise<void> {
  const rows = shippedContentRows();
  const tables = [
    ['training_modules', rows.modules],
    ['training_sections', rows.sections],
    ['training_questions', rows.questions],
    ['training_practical_items', rows.practicalItems],
    ['training_paths', rows.paths],
  ] as const;
  await store.transaction(() =>
    store.gate.openAsync(async () => {
      for (const [table, list] of tables) {
        if (!list.length) continue;
        const cols = Object.keys(list[0]);
        const stmt = store.raw.prepare(
          `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        );
        for (const r of list) stmt.run(cols.map((c) => (r as unknown as Record<string, unknown>)[c]));
      }
    }),
  );
}
