/**
 * The columns every synced row has, on the kiosk (SQLite) and on the server (PostgreSQL).
 * `site_id` is NULL for organisation-wide reference data (training content, roles). Timestamps
 * are ISO-8601 strings. Its own file so that shared/schema.ts (which gathers every domain's
 * tables) and the domain schemas can both import it without importing each other.
 */
export interface SyncedRowBase {
  id: string;
  site_id: string | null;
  created_at: string;
  updated_at: string;
}
