import { addDays, type IsoDate } from '../classes/site-time.js';
import { derivedId } from '../ids.js';
import type { Frequency } from './schedule.js';
import { templateItems, type ReportType, type TemplateContent } from './template.js';

/**
 * Corrective actions of compliance reports as pure rules. A critical item answered and failed on a
 * submitted report raises one action; its id comes from (report, item), so two kiosks submitting
 * the same report offline, or a report returned and submitted again, raise one action, not two.
 */
export const SOURCE_KIND = 'compliance_report';

export const correctiveActionId = (reportId: string, itemId: string) =>
  derivedId('compliance_action', reportId, itemId);

/**
 * Days from the submission (site calendar) to the action's due date, by report type: a failed
 * safety or HACCP check is fixed the next day; an audit finding gets the month a non-conformity
 * report usually allows.
 */
export const CORRECTIVE_DUE_DAYS: Readonly<Record<ReportType, number>> = {
  audit: 30,
  inspection: 7,
  safety: 1,
  environmental: 7,
  training: 30,
  incident: 7,
  custom: 7,
};

/** A scheduled report's finding is due before the next report is: a daily check's by the next day. */
const PERIOD_DAYS: Readonly<Record<Frequency, number>> = {
  daily: 1,
  weekly: 7,
  monthly: 30,
  quarterly: 90,
  yearly: 365,
};

/** Days to carry out an action raised by a report of this type (and schedule frequency, if any). */
export const correctiveDueDays = (reportType: ReportType, frequency: Frequency | null) =>
  Math.min(CORRECTIVE_DUE_DAYS[reportType], frequency ? PERIOD_DAYS[frequency] : Infinity);

export interface RaisedAction {
  id: string;
  itemId: string;
  /** The item's label in English: the `title` column, for readers that do not resolve the item. */
  title: string;
  dueDate: IsoDate;
  ownerRole: string;
}

/**
 * The actions a submitted report raises.
 *
 * @example
 * correctiveActionsFor({ reportId, content, reportType: 'inspection', frequency: 'daily',
 *   failedCritical: ['fridge_temp'], submittedOn: '2026-11-22', ownerRole: 'chef' })
 *   // [{ id: correctiveActionId(reportId, 'fridge_temp'), dueDate: '2026-11-23', ownerRole: 'chef', ... }]
 */
export function correctiveActionsFor(r: {
  reportId: string;
  content: TemplateContent;
  reportType: ReportType;
  /** The frequency of the schedule the report answers, or null for an ad hoc report. */
  frequency: Frequency | null;
  failedCritical: readonly string[];
  submittedOn: IsoDate;
  ownerRole: string;
}): RaisedAction[] {
  const labels = new Map(templateItems(r.content).map(({ item }) => [item.id, item.label.en]));
  const dueDate = addDays(r.submittedOn, correctiveDueDays(r.reportType, r.frequency));
  return r.failedCritical.map((itemId) => ({
    id: correctiveActionId(r.reportId, itemId),
    itemId,
    title: `Corrective action: ${labels.get(itemId) ?? itemId}`,
    dueDate,
    ownerRole: r.ownerRole,
  }));
}

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';
export const ACTION_MOVES = ['in_progress', 'done'] as const;
export type ActionMove = (typeof ACTION_MOVES)[number];

/** Where each status may move (forward only: a done action is reopened by raising a new one). */
const NEXT: Readonly<Record<ActionStatus, readonly ActionMove[]>> = {
  open: ['in_progress', 'done'],
  in_progress: ['done'],
  done: [],
  cancelled: [],
};

export const isOverdue = (a: { status: ActionStatus; dueDate: IsoDate }, today: IsoDate) =>
  (a.status === 'open' || a.status === 'in_progress') && a.dueDate < today;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface ActionRefusal {
  code: 'CONFLICT' | 'FORBIDDEN' | 'VALIDATION_FAILED';
  message: string;
  field?: string;
}

/**
 * Why this person may not move this action now, or null when they may. The owner role carries it
 * out; whoever approves compliance reports may act on any of the site's actions too.
 *
 * @example actionMoveRefusal('done', { status: 'open', ownerRole: 'chef' }, { roleCode: 'chef', permissions: [] }, '')
 *   // { code: 'VALIDATION_FAILED', field: 'note', message: 'Say what was done ...' }
 */
export function actionMoveRefusal(
  to: ActionMove,
  action: { status: ActionStatus; ownerRole: string | null },
  signer: { roleCode: string; permissions: readonly string[] },
  note: string | null,
): ActionRefusal | null {
  if (!NEXT[action.status].includes(to))
    return { code: 'CONFLICT', message: `An action that is ${action.status} cannot be moved to ${to}.` };
  const owner = action.ownerRole === null || action.ownerRole === signer.roleCode;
  if (!owner && !signer.permissions.includes('compliance.approve'))
    return {
      code: 'FORBIDDEN',
      message: `This action belongs to the role ${action.ownerRole}; someone holding it, or a supervisor, must act on it.`,
    };
  if (to === 'done' && !note?.trim())
    return {
      code: 'VALIDATION_FAILED',
      field: 'note',
      message: 'Say what was done (note) before marking the action done.',
    };
  return null;
}
