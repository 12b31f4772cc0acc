import { z } from 'zod';
import type { IncidentRegulatoryRow } from './schema.js';
import type { IncidentType } from './workflow.js';

/** Frameworks an incident can fall under (issue 12 §6). */
export const FRAMEWORKS = ['ISM', 'SOLAS', 'MARPOL', 'ISO45001', 'ISO14001', 'IMO', 'HACCP'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const REPORT_STATUSES = ['not_required', 'to_report', 'reported'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The regulatory log of one incident as the API and the screen speak of it. */
export interface Regulatory {
  frameworks: Framework[];
  authorityNotify: boolean;
  /** UTC ISO instant, or null. */
  authorityDeadline: string | null;
  reportStatus: ReportStatus;
  reportReference: string;
  investigationRequired: boolean;
  investigationDone: boolean;
  reviewRequired: boolean;
  reviewDone: boolean;
}

export const regulatoryFields = z
  .object({
    frameworks: z.array(z.enum(FRAMEWORKS)).max(FRAMEWORKS.length),
    authorityNotify: z.boolean(),
    authorityDeadline: z.iso.datetime({ offset: true }).nullable(),
    reportStatus: z.enum(REPORT_STATUSES),
    reportReference: z.string().trim().max(200),
    investigationRequired: z.boolean(),
    investigationDone: z.boolean(),
    reviewRequired: z.boolean(),
    reviewDone: z.boolean(),
  })
  .strict();

const BY_TYPE: Readonly<Record<'vessel' | 'restaurant', Partial<Record<IncidentType, readonly Framework[]>>>> = {
  vessel: {
    injury: ['ISO45001'],
    near_miss: ['ISO45001'],
    fire: ['SOLAS'],
    security: ['SOLAS'],
    pollution: ['MARPOL', 'ISO14001'],
  },
  restaurant: {
    food_safety: ['HACCP'],
    injury: ['ISO45001'],
    near_miss: ['ISO45001'],
    pollution: ['ISO14001'],
  },
};

/**
 * The log an incident starts with, before anyone sets it: on a vessel every incident falls under
 * the ISM Code, plus what its type calls for; in a restaurant food safety is HACCP. A critical
 * incident is to be reported and investigated; every incident is reviewed once closed.
 *
 * @example defaultRegulatory('vessel', 'pollution', 'high').frameworks // ['ISM', 'MARPOL', 'ISO14001']
 */
export function defaultRegulatory(
  kind: 'vessel' | 'restaurant',
  type: IncidentType,
  severity: 'low' | 'medium' | 'high' | 'critical',
): Regulatory {
  const frameworks = [...(kind === 'vessel' ? (['ISM'] as Framework[]) : []), ...(BY_TYPE[kind][type] ?? [])];
  const serious = severity === 'critical' || severity === 'high';
  return {
    frameworks,
    authorityNotify: severity === 'critical',
    authorityDeadline: null,
    reportStatus: severity === 'critical' ? 'to_report' : 'not_required',
    reportReference: '',
    investigationRequired: serious,
    investigationDone: false,
    reviewRequired: true,
    reviewDone: false,
  };
}

/** Frameworks in their canonical order, each once: what two equal choices store alike. */
export const orderedFrameworks = (fs: readonly Framework[]): Framework[] => FRAMEWORKS.filter((f) => fs.includes(f));

export const regulatoryOf = (row: IncidentRegulatoryRow): Regulatory => ({
  frameworks: orderedFrameworks(JSON.parse(row.frameworks) as Framework[]),
  authorityNotify: row.authority_notify === 1,
  authorityDeadline: row.authority_deadline === null ? null : new Date(row.authority_deadline).toISOString(),
  reportStatus: row.report_status,
  reportReference: row.report_reference,
  investigationRequired: row.investigation_required === 1,
  investigationDone: row.investigation_done === 1,
  reviewRequired: row.review_required === 1,
  reviewDone: row.review_done === 1,
});

type Columns = Omit<IncidentRegulatoryRow, 'id' | 'site_id' | 'incident_id' | 'created_at' | 'updated_at'>;

/** The columns for the fields given (only those). */
export function regulatoryColumns(r: Partial<Regulatory>): Partial<Columns> {
  const out: Partial<Columns> = {};
  const bit = (b: boolean) => (b ? 1 : 0);
  if (r.frameworks !== undefined) out.frameworks = JSON.stringify(orderedFrameworks(r.frameworks));
  if (r.authorityNotify !== undefined) out.authority_notify = bit(r.authorityNotify);
  if (r.authorityDeadline !== undefined)
    out.authority_deadline = r.authorityDeadline === null ? null : new Date(r.authorityDeadline).toISOString();
  if (r.reportStatus !== undefined) out.report_status = r.reportStatus;
  if (r.reportReference !== undefined) out.report_reference = r.reportReference;
  if (r.investigationRequired !== undefined) out.investigation_required = bit(r.investigationRequired);
  if (r.investigationDone !== undefined) out.investigation_done = bit(r.investigationDone);
  if (r.reviewRequired !== undefined) out.review_required = bit(r.reviewRequired);
  if (r.reviewDone !== undefined) out.review_done = bit(r.reviewDone);
  return out;
}

/**
 * The fields of `next` that differ from `current`: all a change writes, so another kiosk's edit of
 * another field offline is not overwritten.
 */
export function changedRegulatory(current: Regulatory, next: Regulatory): Partial<Regulatory> {
  const out: Partial<Record<keyof Regulatory, unknown>> = {};
  for (const k of Object.keys(next) as (keyof Regulatory)[]) {
    const a = k === 'frameworks' ? orderedFrameworks(current.frameworks).join() : current[k];
    const b = k === 'frameworks' ? orderedFrameworks(next.frameworks).join() : next[k];
    const norm = (v: unknown) => (k === 'authorityDeadline' && typeof v === 'string' ? Date.parse(v) : v);
    if (norm(a) !== norm(b)) out[k] = next[k];
  }
  return out as Partial<Regulatory>;
}
