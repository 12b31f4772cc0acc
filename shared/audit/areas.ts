/**
 * The areas the audit log is filtered by, each with the action prefixes (the part of a mutation's
 * name before the dot) that belong to it. An action whose prefix is in no area is listed under
 * `other`, so nothing recorded is ever hidden by a filter's gaps.
 */
export const AUDIT_AREAS = {
  signIn: ['auth'],
  people: ['users', 'people'],
  training: ['training', 'assessment', 'certificate', 'session'],
  classes: ['classes'],
  incidents: ['incidents'],
  compliance: ['compliance', 'actions'],
  fuel: ['fuel'],
  tables: ['tables'],
  notifications: ['notifications'],
  devices: ['devices'],
  settings: ['sites', 'health'],
  sync: ['conflicts'],
  pictures: ['attachments'],
} as const satisfies Record<string, readonly string[]>;

export type AuditArea = keyof typeof AUDIT_AREAS | 'other';
export const AUDIT_AREA_IDS = [...(Object.keys(AUDIT_AREAS) as (keyof typeof AUDIT_AREAS)[]), 'other'] as const;

const BY_PREFIX = new Map<string, AuditArea>(
  Object.entries(AUDIT_AREAS).flatMap(([area, prefixes]) => prefixes.map((p) => [p, area as AuditArea])),
);

/** The area of an audit action: `incidents.report` is in incidents, `users.created` in people. */
export function auditAreaOf(action: string): AuditArea {
  const dot = action.indexOf('.');
  return BY_PREFIX.get(dot < 0 ? action : action.slice(0, dot)) ?? 'other';
}

/** Every prefix some area holds: `other` is what none of them matches. */
export const KNOWN_AUDIT_PREFIXES: readonly string[] = [...BY_PREFIX.keys()];
