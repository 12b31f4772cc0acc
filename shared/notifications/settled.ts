import type { Kysely } from 'kysely';
import { SUBMITTED_STATUSES } from '../compliance/schema.js';
import type { SyncedDatabase } from '../schema.js';

/**
 * The notifications among `rows` whose subject has since been dealt with: the report of its period
 * submitted, the fuel anomaly taken up (investigating, resolved or dismissed). They leave people's
 * lists without anyone acknowledging them, on every kiosk, as the synced rows arrive; the sync
 * service does not send them either (server/notifications/worker.ts). The same queries run on the
 * kiosk's SQLite and on the central PostgreSQL.
 */
export async function settledNotices(
  db: Kysely<SyncedDatabase>,
  rows: readonly { id: string; kind: string; subject_id: string; params: string }[],
): Promise<Set<string>> {
  const reports = rows.filter((r) => r.kind === 'report_due' || r.kind === 'report_missed');
  const anomalies = rows.filter((r) => r.kind === 'fuel_anomaly');
  const settled = new Set<string>();
  if (reports.length) {
    const done = await db
      .selectFrom('compliance_reports')
      .select(['schedule_id', 'period'])
      .where('schedule_id', 'in', [...new Set(reports.map((r) => r.subject_id))])
      .where('status', 'in', [...SUBMITTED_STATUSES])
      .where('deleted_at', 'is', null)
      .execute();
    const keys = new Set(done.map((d) => `${d.schedule_id}|${d.period}`));
    for (const r of reports) {
      const period = periodOf(r.params);
      if (period !== null && keys.has(`${r.subject_id}|${period}`)) settled.add(r.id);
    }
  }
  if (anomalies.length) {
    const taken = await db
      .selectFrom('fuel_anomalies')
      .select('id')
      .where('id', 'in', [...new Set(anomalies.map((r) => r.subject_id))])
      .where('status', '!=', 'open')
      .execute();
    const ids = new Set(taken.map((t) => t.id));
    for (const r of anomalies) if (ids.has(r.subject_id)) settled.add(r.id);
  }
  return settled;
}

function periodOf(params: string): string | null {
  try {
    const p: unknown = JSON.parse(params);
    return p && typeof p === 'object' && typeof (p as { period?: unknown }).period === 'string'
      ? (p as { period: string }).period
      : null;
  } catch {
    return null;
  }
}
