import type { SyncedRowBase } from '../synced-row.js';

/**
 * A file (a photo, for now) attached to a record of the site. The row is the reference and travels
 * like any change; the bytes are content-addressed by `sha256` and travel apart, in the bulk lane
 * (electron/core/attachments/transfer.ts), so a large photo never holds up an urgent change.
 * Insert-only: a photo taken is part of the record. Its id is derived from (site, owner, hash), so
 * the same photo added twice, on one kiosk or two, is one row.
 */
export interface AttachmentRow extends SyncedRowBase {
  owner_kind: 'incident' | 'training_module';
  owner_id: string;
  sha256: string;
  mime: 'image/jpeg' | 'image/png';
  size: number;
  width: number;
  height: number;
  added_by: string | null;
  device_id: string;
}

/**
 * Shore holds the bytes of `sha256` for the site: written by the sync service only, when a kiosk's
 * upload arrived and matched its hash. Until a site's kiosks pull this row, a photo is "still on
 * board"; once they have it, those without the file fetch it.
 */
export interface AttachmentArrivalRow extends SyncedRowBase {
  sha256: string;
  size: number;
  arrived_at: string;
  device_id: string;
}

export interface AttachmentsTables {
  attachments: AttachmentRow;
  attachment_arrivals: AttachmentArrivalRow;
}

export const ATTACHMENTS_TABLES: readonly (keyof AttachmentsTables)[] = ['attachments', 'attachment_arrivals'];
export const ATTACHMENTS_INSERT_ONLY: readonly (keyof AttachmentsTables)[] = ['attachments', 'attachment_arrivals'];
export const ATTACHMENTS_SERVER_WRITTEN: readonly (keyof AttachmentsTables)[] = ['attachment_arrivals'];
