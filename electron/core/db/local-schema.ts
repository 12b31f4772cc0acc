import type { SyncedDatabase } from '../../../shared/schema.js';

/** Tables only the kiosk has: never synced, written directly by the core. */
export interface LocalOnlyDatabase {
  meta: { key: string; value: string };
  outbox: {
    seq: number;
    name: string;
    version: number;
    args: string;
    hlc: string;
    user_id: string | null;
    status: 'pending' | 'applied' | 'rejected' | 'dead';
    attempts: number;
    last_error: string | null;
  };
  pin_attempts: { user_id: string; failures: number; locked_until: string | null };
  _migrations: { id: number; name: string; checksum: string; applied_at: string };
}

export type LocalDatabase = SyncedDatabase & LocalOnlyDatabase;
