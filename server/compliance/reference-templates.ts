import { shippedTemplateRows } from '../../shared/compliance/template-rows.js';
import type { CentralTransaction } from '../db/site-tx.js';

/**
 * Inserts the shipped compliance templates the central store lacks, with the ids every kiosk
 * derives, inside the caller's organisation transaction (ensureCentralReferenceData), stamped with
 * that transaction's org version (taken only if anything is missing). Published versions never
 * change, so existing rows are left alone. Returns how many rows it inserted.
 */
export async function insertComplianceTemplates(
  trx: CentralTransaction,
  version: () => Promise<number>,
): Promise<number> {
  const rows = shippedTemplateRows();
  const have = new Set(
    (
      await trx
        .selectFrom('compliance_templates')
        .select('id')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const missing = rows.filter((r) => !have.has(r.id));
  if (!missing.length) return 0;
  const _version = await version();
  const res = await trx
    .insertInto('compliance_templates')
    .values(missing.map((r) => ({ ...r, _version })))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return res.length;
}
