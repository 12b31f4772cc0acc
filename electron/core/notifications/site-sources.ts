import type { Kysely } from 'kysely';
import type { ComplianceTemplateRow } from '../../../shared/compliance/schema.js';
import type { HealthCheckId, HealthResult } from '../../../shared/health/thresholds.js';
import type { RaiseArgs } from '../../../shared/notifications/mutations.js';
import { supervisorRoles, type Recipient } from '../../../shared/notifications/recipients.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { SwitchEvent } from '../../../shared/sync/link-monitor.js';
import { readScheduleOccurrences } from '../compliance/schedule-reads.js';
import type { SiteRef } from './sources.js';

type Db = Kysely<SyncedDatabase>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A report is called due a day before it is; a missed one is told for a week after its period ended. */
export const REPORT_DUE_AHEAD_MS = DAY;
export const REPORT_MISSED_FOR_MS = 7 * DAY;

/** The roles told, each once: the role named by the event first, then the kind's supervisors. */
function roles(first: readonly string[], more: readonly string[]): Recipient[] {
  return [...new Set([...first, ...more])].map((role) => ({ role }));
}

/**
 * Compliance reports due within a day (or late: past their due time, period still running) and
 * reports missed in the last week, to the role that fills the schedule and the kind's supervisors.
 * The period is the report's period, so each is told once per recipient, whichever kiosk tells it.
 */
export async function reportNotices(db: Db, site: SiteRef, now: string): Promise<RaiseArgs[]> {
  const templates = await db
    .selectFrom('compliance_templates')
    .selectAll()
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', site.id)]))
    .orderBy('version', 'desc')
    .execute();
  const newest = new Map<string, ComplianceTemplateRow>();
  for (const t of templates) if (!newest.has(t.code)) newest.set(t.code, t);
  const read = await readScheduleOccurrences(db, {
    site: { id: site.id, timezone: site.timezone ?? 'UTC' },
    templates: newest,
    now,
    roleCode: null,
    limit: 8,
  });
  const nowMs = Date.parse(now);
  const out: RaiseArgs[] = [];
  for (const { schedule: s, template: t, occurrences } of read)
    for (const o of occurrences) {
      const due = (o.status === 'due' && Date.parse(o.dueAt) - nowMs <= REPORT_DUE_AHEAD_MS) || o.status === 'late';
      const missed = o.status === 'missed' && nowMs - Date.parse(o.endsAt) <= REPORT_MISSED_FOR_MS;
      if (!due && !missed) continue;
      const kind = due ? 'report_due' : 'report_missed';
      for (const to of roles([s.role_code], supervisorRoles(kind, site.kind)))
        out.push({
          kind,
          subjectKind: 'compliance_schedule',
          subjectId: s.id,
          to,
          period: `${due ? 'due' : 'missed'}|${o.period}`,
          params: {
            code: s.template_code,
            titleEn: t?.title_en ?? s.template_code,
            titleFr: t?.title_fr ?? s.template_code,
            period: o.period,
            dueAt: o.dueAt,
          },
        });
    }
  return out;
}

/** Fuel anomalies still open (nobody has looked at them yet), to the site's fuel supervisors. */
export async function fuelAnomalyNotices(db: Db, site: SiteRef, now: string): Promise<RaiseArgs[]> {
  const to = supervisorRoles('fuel_anomaly', site.kind);
  if (!to.length) return [];
  const rows = await db
    .selectFrom('fuel_anomalies')
    .select(['id', 'kind', 'sensor', 'engine', 'expected', 'seen', 'unit', 'since', 'detected_at'])
    .where('site_id', '=', site.id)
    .where('status', '=', 'open')
    // An anomaly left open for a week is on the fuel screen; a kiosk new to the site does not ring for it.
    .where('detected_at', '>=', new Date(Date.parse(now) - 7 * DAY).toISOString())
    .execute();
  return rows.flatMap((a) =>
    to.map((role): RaiseArgs => ({
      kind: 'fuel_anomaly',
      subjectKind: 'fuel_anomaly',
      subjectId: a.id,
      to: { role },
      period: 'open',
      params: {
        anomaly: a.kind,
        sensor: a.sensor,
        engine: a.engine,
        expected: a.expected,
        seen: a.seen,
        unit: a.unit,
        since: a.since,
      },
    })),
  );
}

/**
 * The kiosk readings whose critical level threatens the site's data: a full disk, a database or
 * log grown past its limit, backups stopped, errors piling up. Sync readings are left out: a ship
 * days without a link is normal, and an alarm with sound for it would teach crews to ignore alarms.
 */
export const ALERTING_CHECKS: ReadonlySet<HealthCheckId> = new Set([
  'free_disk',
  'database_size',
  'wal_size',
  'backup_age',
  'error_rate',
]);

/** A critical reading of this kiosk, once per check and site day, to the kind's supervisors. */
export function healthNotices(
  site: SiteRef,
  deviceId: string,
  results: readonly HealthResult<string>[],
  now: string,
): RaiseArgs[] {
  const day = now.slice(0, 10);
  return results
    .filter((r) => r.level === 'critical' && !r.advisory && ALERTING_CHECKS.has(r.id as HealthCheckId))
    .flatMap((r) =>
      supervisorRoles('health_alert', site.kind).map((role): RaiseArgs => ({
        kind: 'health_alert',
        subjectKind: 'device_health',
        subjectId: deviceId,
        to: { role },
        period: `${r.id}|${day}`,
        params: { check: r.id, value: r.value, unit: r.unit, critical: r.critical, device: deviceId.slice(0, 8) },
      })),
    );
}

/**
 * Failovers of this kiosk's link to shore in the last day (a route stopped answering and traffic
 * moved to the next one), to the kind's supervisors: someone should know the satellite is carrying
 * the site, and what it costs. Failbacks, manual switches and tests tell nobody.
 */
export function failoverNotices(
  site: SiteRef,
  deviceId: string,
  events: readonly SwitchEvent[],
  now: string,
): RaiseArgs[] {
  const since = Date.parse(now) - DAY;
  return events
    .filter((e) => e.kind === 'failover' && e.at >= since)
    .flatMap((e) =>
      supervisorRoles('link_failover', site.kind).map((role): RaiseArgs => ({
        kind: 'link_failover',
        subjectKind: 'device_link',
        subjectId: deviceId,
        to: { role },
        period: `failover|${new Date(e.at).toISOString()}|${e.to}`,
        params: { from: e.from, to: e.to, queued: e.queued, at: new Date(e.at).toISOString() },
      })),
    );
}
