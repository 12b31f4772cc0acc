import { SYNCED_TABLES } from '../../../shared/schema.js';
import { editedRecord } from '../../../shared/sync/edited-records.js';
import { readLostEdit } from '../../../shared/sync/lost-edit.js';
import type { Store } from '../db/store.js';

/** How a lost edit is shown: each field in words, with the record's current name as this kiosk has it. */
export interface LostEditView {
  madeAt: string;
  deviceName: string | null;
  changes: {
    table: string;
    field: string;
    recordName: string | null;
    mine: string | null;
    kept: string | null;
    secret: boolean;
    keptAt: string;
    keptDeviceName: string | null;
  }[];
}

const shown = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Reads the detail of a LATER_EDIT_WON conflict for the conflicts list (null for any other kind).
 * Names come from the local rows at the time of reading, so a renamed record reads as it is now.
 */
export function createConflictViews(store: Pick<Store, 'raw'>) {
  const nameOf = (table: string, id: string): string | null => {
    const cols = editedRecord(table)?.nameColumns ?? [];
    if (!cols.length || !(SYNCED_TABLES as readonly string[]).includes(table)) return null;
    const row = store.raw.prepare(`SELECT ${cols.map(quote).join(', ')} FROM ${quote(table)} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!row) return null;
    return (
      cols
        .map((c) => row[c])
        .filter((v) => v !== null && v !== '')
        .join(' ') || null
    );
  };
  return {
    lostEdit(code: string, args: string): LostEditView | null {
      const detail = readLostEdit(code, args);
      if (!detail) return null;
      return {
        madeAt: detail.madeAt,
        deviceName: detail.deviceName,
        changes: detail.changes.map((c) => {
          const secret = (editedRecord(c.table)?.secret ?? []).includes(c.field);
          return {
            table: c.table,
            field: c.field,
            recordName: nameOf(c.table, c.id),
            mine: secret ? null : shown(c.mine),
            kept: secret ? null : shown(c.kept),
            secret,
            keptAt: c.keptAt,
            keptDeviceName: c.keptDeviceName,
          };
        }),
      };
    },
  };
}
