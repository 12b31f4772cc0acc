import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../schema.js';
import type { IncidentEventRow, IncidentRow } from './schema.js';
import { slaOf, type SlaEvent, type SlaReading } from './sla.js';
import { slaTargetId, targetsOf } from './sla-targets.js';

/** An event row as the SLA reads it. */
export const slaEvent = (e: Pick<IncidentEventRow, 'kind' | 'from_stage' | 'to_stage' | 'at'>): SlaEvent => ({
  kind: e.kind,
  fromStage: e.from_stage,
  toStage: e.to_stage,
  at: e.at,
});

/**
 * One incident's SLA at `now`, read from either database (the kiosk's SQLite or the central
 * PostgreSQL) with the same portable reads the mutators use.
 */
export async function readSla(
  db: Kysely<SyncedDatabase>,
  incident: Pick<IncidentRow, 'id' | 'site_id' | 'severity' | 'stage' | 'created_at'>,
  now: string,
): Promise<SlaReading> {
  const [events, target] = await Promise.all([
    db
      .selectFrom('incident_events')
      .select(['kind', 'from_stage', 'to_stage', 'at'])
      .where('incident_id', '=', incident.id)
      .execute(),
    db
      .selectFrom('incident_sla_targets')
      .select(['severity', 'ack_minutes', 'resolve_minutes'])
      .where('id', '=', slaTargetId(incident.site_id!, incident.severity))
      .execute(),
  ]);
  return slaOf({
    reportedAt: incident.created_at,
    stage: incident.stage,
    events: events.map(slaEvent),
    target: targetsOf(target)[incident.severity],
    now,
  });
}
