import type { Permission } from '../permissions.js';

/**
 * The records people edit field by field, as a conflict about them is told and undone: the
 * columns that name a record for a person, the permission needed to change it (checked again
 * when someone chooses "use mine instead"), bookkeeping fields that follow an edit and are not
 * worth a line of their own, and fields whose values are never shown (a PIN's hash).
 */
export interface EditedRecord {
  /** Columns joined with a space to name one record ("Ana Ribeiro"). */
  nameColumns: readonly string[];
  editPermission: Permission;
  /** Fields set as a side effect of an edit (when, by whom): lost with it, never listed. */
  bookkeeping?: readonly string[];
  /** Fields whose values are not shown to anyone. */
  secret?: readonly string[];
}

export const EDITED_RECORDS: Readonly<Record<string, EditedRecord>> = Object.freeze({
  users: { nameColumns: ['display_name'], editPermission: 'users.manage', secret: ['pin_hash'] },
  user_roles: { nameColumns: [], editPermission: 'users.manage' },
  sites: { nameColumns: ['name'], editPermission: 'settings.manage' },
  students: {
    nameColumns: ['first_name', 'last_name'],
    editPermission: 'classes.manage',
    bookkeeping: ['schedule_since'],
  },
  classes: {
    nameColumns: ['course', 'date', 'start'],
    editPermission: 'classes.manage',
    bookkeeping: ['status_changed_by', 'status_changed_at', 'payment_changed_by', 'payment_changed_at'],
  },
  training_modules: { nameColumns: ['title_en'], editPermission: 'training.author' },
  incidents: {
    nameColumns: ['what_happened'],
    editPermission: 'incidents.triage',
    bookkeeping: ['stage_changed_at', 'stage_changed_by'],
  },
});

export const editedRecord = (table: string): EditedRecord | undefined =>
  Object.prototype.hasOwnProperty.call(EDITED_RECORDS, table) ? EDITED_RECORDS[table] : undefined;

/** Whether a lost field is worth telling a person about (bookkeeping follows its edit silently). */
export const isToldField = (table: string, field: string) =>
  !(editedRecord(table)?.bookkeeping ?? []).includes(field) && field !== 'updated_at';
