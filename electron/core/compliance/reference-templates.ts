import { shippedTemplateRows } from '../../../shared/compliance/template-rows.js';
import type { Store } from '../db/store.js';

/**
 * The organisation's shipped compliance templates (shared/compliance/template-rows.ts), inserted
 * on every kiosk at start with the ids the server uses, so an offline kiosk can fill a checklist
 * from its first minute and a pull later finds the same rows. Existing rows are left alone.
 */
export async function ensureComplianceTemplates(store: Store): Promise<void> {
  const rows = shippedTemplateRows();
  const cols = Object.keys(rows[0]);
  await store.transaction(() =>
    store.gate.openAsync(async () => {
      const stmt = store.raw.prepare(
        `INSERT OR IGNORE INTO compliance_templates (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      for (const r of rows) stmt.run(cols.map((c) => (r as unknown as Record<string, unknown>)[c]));
    }),
  );
}
