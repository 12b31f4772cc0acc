import type { Kysely } from 'kysely';
import { derivedId } from '../ids.js';
import type { SyncedDatabase } from '../schema.js';

/**
 * The kinds of data a retention job removes, each with the days it keeps when the site has no
 * `retention_settings` row for it. The days themselves are settings: an administrator changes
 * them per site (health.setRetention) and every job reads them at run time.
 */
export const RETENTION_KINDS = [
  { kind: 'error_log', defaultDays: 90, minDays: 7, maxDays: 730 },
  { kind: 'class_generation_logs', defaultDays: 30, minDays: 7, maxDays: 730 },
] as const;

export type RetentionKind = (typeof RETENTION_KINDS)[number]['kind'];
export const RETENTION_KIND_IDS = RETENTION_KINDS.map((k) => k.kind) as [RetentionKind, ...RetentionKind[]];

/** One row per site and kind: two kiosks setting it offline merge into one row. */
export const retentionSettingId = (siteId: string, kind: RetentionKind) => derivedId('retention', siteId, kind);

/**
 * The days a site keeps a kind of data: its setting, or the kind's default.
 *
 * @example await retentionDays(db, siteId, 'error_log') // 90 unless the site changed it
 */
export async function retentionDays(db: Kysely<SyncedDatabase>, siteId: string, kind: RetentionKind): Promise<number> {
  const row = await db
    .selectFrom('retention_settings')
    .select('days')
    .where('id', '=', retentionSettingId(siteId, kind))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return row ? Number(row.days) : RETENTION_KINDS.find((k) => k.kind === kind)!.defaultDays;
}

/** The instant before which rows of a kind are past their retention, `days` before `nowIso`. */
export const retentionCutoff = (nowIso: string, days: number) =>
  new Date(Date.parse(nowIso) - days * 86_400_000).toISOString();
