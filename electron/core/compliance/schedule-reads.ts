import type { Kysely } from 'kysely';
import { occurrences, type Occurrence } from '../../../shared/compliance/schedule.js';
import {
  SUBMITTED_STATUSES,
  type ComplianceScheduleRow,
  type ComplianceTemplateRow,
} from '../../../shared/compliance/schema.js';
import type { SyncedDatabase } from '../../../shared/schema.js';

const SUBMITTED: ReadonlySet<string> = new Set(SUBMITTED_STATUSES);

export interface ScheduleOccurrences {
  schedule: ComplianceScheduleRow;
  /** The newest published version of its template, if the site has it. */
  template: ComplianceTemplateRow | undefined;
  occurrences: Occurrence[];
  /** The report started for each period, by period. */
  reportIds: ReadonlyMap<string, string>;
}

/**
 * Each schedule of the site (of one role, or all when `roleCode` is null) with its recent periods
 * and their status, computed from the reports the kiosk holds: the due list and the schedule
 * board read the same thing.
 */
export async function readScheduleOccurrences(
  db: Kysely<SyncedDatabase>,
  q: {
    site: { id: string; timezone: string };
    templates: ReadonlyMap<string, ComplianceTemplateRow>;
    now: string;
    roleCode: string | null;
    limit?: number;
  },
): Promise<ScheduleOccurrences[]> {
  let sq = db
    .selectFrom('compliance_schedules')
    .selectAll()
    .where('site_id', '=', q.site.id)
    .where('deleted_at', 'is', null);
  if (q.roleCode !== null) sq = sq.where('role_code', '=', q.roleCode);
  const schedules = await sq.orderBy('template_code').execute();
  if (!schedules.length) return [];
  const reports = await db
    .selectFrom('compliance_reports')
    .select(['id', 'schedule_id', 'period', 'status'])
    .where('site_id', '=', q.site.id)
    .where(
      'schedule_id',
      'in',
      schedules.map((s) => s.id),
    )
    .where('deleted_at', 'is', null)
    .execute();
  return schedules.map((s) => {
    const mine = new Map(
      reports
        .filter((r) => r.schedule_id === s.id && r.period)
        .map((r) => [r.period!, { submitted: SUBMITTED.has(r.status), id: r.id }]),
    );
    return {
      schedule: s,
      template: q.templates.get(s.template_code),
      occurrences: occurrences(
        { frequency: s.frequency, startsOn: s.starts_on, dueTime: s.due_time },
        mine,
        q.now,
        q.site.timezone,
        q.limit ?? 31,
      ),
      reportIds: new Map([...mine].map(([p, r]) => [p, r.id])),
    };
  });
}
