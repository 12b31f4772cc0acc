import type Database from 'better-sqlite3';
import type { DashboardRow } from '../../../shared/incidents/dashboard.js';
import type { PauseMark } from '../../../shared/incidents/sla.js';
import { stageOf } from './queries.js';

// Each history's marks are read in SQL over the covering index incident_events_marks
// (migration 0022, named with INDEXED BY: the older (incident_id, at) index looks cheaper to the
// planner for MIN/MAX but reads the table rows): an index seek per incident for its first acknowledgement and, for resolved
// or closed ones, its latest resolution, instead of reading every event into JavaScript. `at` is
// always written as an ISO-8601 UTC instant (toISOString), so text order is time order, as the
// other reads of these tables assume.
export const DASHBOARD_ROWS_SQL = `
SELECT i.id, i.type, i.severity, i.stage, i.place_id, i.created_at,
  (SELECT MIN(e.at) FROM incident_events e INDEXED BY incident_events_marks
    WHERE e.incident_id = i.id AND e.kind = 'move' AND e.from_stage = 'reported') AS acked_at,
  CASE WHEN i.stage IN ('resolved', 'closed') THEN
    (SELECT MAX(e.at) FROM incident_events e INDEXED BY incident_events_marks
      WHERE e.incident_id = i.id AND e.kind = 'move' AND e.to_stage IN ('resolved', 'closed')
        AND COALESCE(e.from_stage, '') NOT IN ('resolved', 'closed'))
  END AS resolved_at
FROM incidents i
WHERE i.site_id = ? AND i.deleted_at IS NULL`;

// Only the pauses and resumes, over incident_events_pauses: a few incidents have any.
const PAUSES = `
SELECT incident_id, kind, at FROM incident_events
WHERE site_id = ? AND kind IN ('sla_paused', 'sla_resumed')
ORDER BY incident_id, at`;

type Row = [
  string,
  DashboardRow['type'],
  DashboardRow['severity'],
  string,
  string,
  string,
  string | null,
  string | null,
];

/**
 * Reads the dashboard's rows of a site from the kiosk's SQLite in two statements, with the marks
 * `shared/incidents/sla.ts` needs (`marksOf` of the full history gives the same marks). Reads the
 * read-only connection, so a write still open is never counted.
 *
 * @example const read = createDashboardRead(store.readRaw); tallyDashboard(read(siteId), targets, now)
 */
export function createDashboardRead(db: Database.Database): (siteId: string) => DashboardRow[] {
  const rows = db.prepare(DASHBOARD_ROWS_SQL).raw(true);
  const pauses = db.prepare(PAUSES).raw(true);
  return (siteId) => {
    const pausesOf = new Map<string, PauseMark[]>();
    for (const [id, kind, at] of pauses.all(siteId) as [string, string, string][]) {
      let list = pausesOf.get(id);
      if (!list) pausesOf.set(id, (list = []));
      list.push({ paused: kind === 'sla_paused', t: Date.parse(at) });
    }
    // Stable sort: equal instants keep the order the history lists them in.
    for (const list of pausesOf.values()) list.sort((a, b) => a.t - b.t);
    return (rows.all(siteId) as Row[]).map(([id, type, severity, stage, placeId, createdAt, ackedAt, resolvedAt]) => ({
      type,
      severity,
      stage: stageOf(stage),
      placeId,
      marks: {
        start: Date.parse(createdAt),
        ackedAt: ackedAt === null ? null : Date.parse(ackedAt),
        resolvedAt: resolvedAt === null ? null : Date.parse(resolvedAt),
        pauses: pausesOf.get(id) ?? [],
      },
    }));
  };
}
