import type { Kysely } from 'kysely';
import { ESCALATION_CHAINS } from '../../../shared/incidents/escalation.js';
import { defaultPlacesOf } from '../../../shared/incidents/places.js';
import { slaEvent } from '../../../shared/incidents/read-sla.js';
import type { IncidentRow } from '../../../shared/incidents/schema.js';
import { slaOf, type SlaEvent, type SlaTarget } from '../../../shared/incidents/sla.js';
import { targetsOf } from '../../../shared/incidents/sla-targets.js';
import { isStage, OPEN_STAGES, type Severity, type Stage } from '../../../shared/incidents/workflow.js';
import { can } from '../../../shared/permissions.js';
import type { SyncedDatabase } from '../../../shared/schema.js';

export type Db = Kysely<SyncedDatabase>;
export type Names = { en: string; fr: string };
type SiteKind = 'vessel' | 'restaurant';

/** The site's places: its defaults and its own, by id. */
export async function placesOf(db: Db, siteId: string, kind: SiteKind): Promise<{ id: string; name: Names }[]> {
  const own = await db
    .selectFrom('incident_places')
    .select(['id', 'name_en', 'name_fr'])
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('name_en')
    .execute();
  return [...defaultPlacesOf(siteId, kind), ...own.map((p) => ({ id: p.id, name: { en: p.name_en, fr: p.name_fr } }))];
}

export async function targetsAt(db: Db, siteId: string): Promise<Record<Severity, SlaTarget>> {
  return targetsOf(
    await db
      .selectFrom('incident_sla_targets')
      .select(['severity', 'ack_minutes', 'resolve_minutes'])
      .where('site_id', '=', siteId)
      .execute(),
  );
}

/** Events of many incidents at once, grouped by incident (one query, not one per incident). */
export async function eventsByIncident(
  db: Db,
  siteId: string,
  ids: readonly string[] | null,
): Promise<Map<string, SlaEvent[]>> {
  let q = db
    .selectFrom('incident_events')
    .select(['incident_id', 'kind', 'from_stage', 'to_stage', 'at'])
    .where('site_id', '=', siteId);
  if (ids) {
    if (!ids.length) return new Map();
    q = q.where('incident_id', 'in', [...ids]);
  }
  const out = new Map<string, SlaEvent[]>();
  for (const e of await q.execute()) {
    let list = out.get(e.incident_id);
    if (!list) out.set(e.incident_id, (list = []));
    list.push(slaEvent(e));
  }
  return out;
}

/**
 * A confidential incident is seen (and exported) only by its reporter and by those holding
 * `incidents.confidential`; everyone else only counts it (the dashboard, a list export's fact).
 */
export const mayView = (
  i: Pick<IncidentRow, 'confidential' | 'reporter_id'>,
  viewer: { id: string; permissions: readonly string[] },
) => i.confidential === 0 || i.reporter_id === viewer.id || can(viewer.permissions, 'incidents.confidential');

export const stageOf = (s: string): Stage => (isStage(s) ? s : 'reported');

/** Incidents of the site with their SLA at `now`, newest first. */
export async function listIncidents(
  db: Db,
  site: { id: string; kind: SiteKind },
  viewer: { id: string; permissions: readonly string[] },
  opts: { open: boolean; now: string },
) {
  let q = db
    .selectFrom('incidents as i')
    .leftJoin('users as u', 'u.id', 'i.reporter_id')
    .selectAll('i')
    .select('u.display_name as reporter_name')
    .where('i.site_id', '=', site.id)
    .where('i.deleted_at', 'is', null);
  if (opts.open) q = q.where('i.stage', 'in', [...OPEN_STAGES]);
  const rows = (await q.orderBy('i.created_at', 'desc').limit(500).execute()).filter((r) => mayView(r, viewer));
  const ids = rows.map((r) => r.id);
  const [events, targets, places, levels] = await Promise.all([
    eventsByIncident(db, site.id, ids),
    targetsAt(db, site.id),
    placesOf(db, site.id, site.kind),
    ids.length
      ? db
          .selectFrom('incident_escalations')
          .select(['incident_id'])
          .select((eb) => eb.fn.max('level').as('level'))
          .where('incident_id', 'in', ids)
          .groupBy('incident_id')
          .execute()
      : Promise.resolve([]),
  ]);
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  const levelOf = new Map(levels.map((l) => [l.incident_id, Number(l.level)]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    severity: r.severity,
    stage: stageOf(r.stage),
    place: placeName.get(r.place_id) ?? { en: '?', fr: '?' },
    occurredAt: r.occurred_at,
    reportedAt: r.created_at,
    whatHappened: r.what_happened,
    reporterName: r.reporter_name,
    confidential: r.confidential === 1,
    escalationLevel: levelOf.get(r.id) ?? 0,
    sla: slaOf({
      reportedAt: r.created_at,
      stage: r.stage,
      events: events.get(r.id) ?? [],
      target: targets[r.severity],
      now: opts.now,
    }),
  }));
}

/** Unacknowledged escalations of the site, critical and higher levels first; `roleCode` keeps those alerting that role. */
export async function openEscalations(
  db: Db,
  site: { id: string; kind: SiteKind },
  roleCode: string | null,
  viewer: { id: string; permissions: readonly string[] },
) {
  const rows = await db
    .selectFrom('incident_escalations as e')
    .innerJoin('incidents as i', 'i.id', 'e.incident_id')
    .select([
      'e.id',
      'e.incident_id',
      'e.level',
      'e.raised_at',
      'i.severity',
      'i.type',
      'i.what_happened',
      'i.confidential',
      'i.reporter_id',
    ])
    .where('e.site_id', '=', site.id)
    .where('e.acknowledged_at', 'is', null)
    .where('i.deleted_at', 'is', null)
    .execute();
  const chain = ESCALATION_CHAINS[site.kind];
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
  return rows
    .filter((r) => roleCode === null || chain.find((l) => l.level === r.level)?.roles.includes(roleCode))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.level - a.level || a.raised_at.localeCompare(b.raised_at))
    .map((r) => ({
      escalationId: r.id,
      incidentId: r.incident_id,
      level: r.level,
      levelName: chain.find((l) => l.level === r.level)?.name ?? { en: `Level ${r.level}`, fr: `Niveau ${r.level}` },
      severity: r.severity,
      type: r.type,
      // The alert still sounds for a confidential incident, without saying what happened.
      whatHappened: mayView(r, viewer) ? r.what_happened : '',
      raisedAt: r.raised_at,
    }));
}
