import type { Permission } from '../permissions.js';

export const INCIDENT_TYPES = [
  'injury',
  'near_miss',
  'fire',
  'pollution',
  'security',
  'food_safety',
  'equipment',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STAGES = [
  'reported',
  'triaging',
  'under_investigation',
  'escalated',
  'action_required',
  'resolved',
  'closed',
  'reopened',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages in which an incident still needs someone: everything but resolved and closed. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter((s) => s !== 'resolved' && s !== 'closed');

export interface WorkflowMove {
  from: readonly Stage[];
  to: Stage;
  /** The permission a person needs to make this move; the server checks it again. */
  permission: Permission;
}

/**
 * The workflow as data: which moves exist and which permission each needs (roles hold
 * permissions, shared/permissions.ts). Anything not listed is refused. Reopening is the only way
 * back from resolved or closed.
 */
export const WORKFLOW_MOVES: readonly WorkflowMove[] = Object.freeze([
  { from: ['reported', 'reopened'], to: 'triaging', permission: 'incidents.triage' },
  { from: ['triaging', 'reopened'], to: 'under_investigation', permission: 'incidents.triage' },
  { from: ['triaging', 'under_investigation'], to: 'escalated', permission: 'incidents.triage' },
  { from: ['under_investigation', 'escalated'], to: 'action_required', permission: 'incidents.triage' },
  {
    from: ['triaging', 'under_investigation', 'escalated', 'action_required'],
    to: 'resolved',
    permission: 'incidents.triage',
  },
  { from: ['resolved'], to: 'closed', permission: 'compliance.approve' },
  { from: ['resolved', 'closed'], to: 'reopened', permission: 'incidents.triage' },
]);

export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/** The move from `from` to `to`, or undefined when the workflow has none. */
export const findMove = (from: Stage, to: Stage): WorkflowMove | undefined =>
  WORKFLOW_MOVES.find((m) => m.to === to && m.from.includes(from));

/**
 * Why a person holding `permissions` may not move an incident from `from` to `to`, or null when
 * they may.
 *
 * @example moveRefusal('reported', 'closed', ['incidents.triage']) // 'no_such_move'
 */
export function moveRefusal(
  from: Stage,
  to: Stage,
  permissions: readonly string[],
): null | 'no_such_move' | 'not_permitted' {
  const move = findMove(from, to);
  if (!move) return 'no_such_move';
  return permissions.includes(move.permission) ? null : 'not_permitted';
}

/** The stages a person holding `permissions` may move an incident to from `from`, in workflow order. */
export const movesFor = (from: Stage, permissions: readonly string[]): Stage[] =>
  STAGES.filter((to) => moveRefusal(from, to, permissions) === null);
