import type { ColumnType, Generated } from 'kysely';
import type { SyncedDatabase, SyncedTable } from '../../shared/schema.js';

/**
 * The central database as Kysely sees it: every synced table of `shared/schema.ts` with its
 * `_version` (the site stream version of the transaction that last wrote the row), plus the
 * tables only the server has. Column values come back as the kiosk's types (timestamps as
 * ISO-8601 strings, bigints as numbers): see connect.ts.
 */
export type CentralSyncedDatabase = { [T in SyncedTable]: SyncedDatabase[T] & { _version: number } };

export interface SiteVersionRow {
  site_id: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface DeviceRow {
  id: string;
  site_id: string;
  name: string;
  /** SHA-256 (hex) of the device token; the token itself is never stored. */
  token_hash: string;
  created_at: ColumnType<string, string | undefined, string>;
  revoked_at: string | null;
  last_seen_at: string | null;
  last_seq: ColumnType<number, number | undefined, number>;
  clock_offset_ms: number | null;
  /** HLC of the newest mutation settled for this device (see migration 0005). */
  last_hlc: ColumnType<string | null, string | null | undefined, string | null>;
  /** The device's raw Ed25519 public key (base64url) its mutations are signed with (migration 0009). */
  public_key: ColumnType<string | null, string | null | undefined, string | null>;
  key_registered_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnrollmentCodeRow {
  id: string;
  site_id: string;
  /** SHA-256 (hex) of the normalised code. */
  code_hash: string;
  created_at: ColumnType<string, string | undefined, string>;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface MutationFailureRow {
  device_id: string;
  seq: number;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface CentralDatabase extends CentralSyncedDatabase {
  site_versions: SiteVersionRow;
  devices: DeviceRow;
  enrollment_codes: EnrollmentCodeRow;
  mutation_failures: MutationFailureRow;
  attachment_blobs: AttachmentBlobRow;
}

/** Shore's copy of an attachment's bytes for a site (migration 0025); never synced as rows. */
export interface AttachmentBlobRow {
  site_id: string;
  sha256: string;
  mime: string;
  size: number;
  content: Buffer;
  received_at: string;
}

/** The role the sync service connects as: no superuser, no BYPASSRLS; see 0001_init.sql. */
export const SERVICE_ROLE = 'shiftdeck_service';
