import { derivedId } from '../ids.js';
import { breaches, type SlaReading } from './sla.js';
import type { Severity } from './workflow.js';

export interface EscalationLevel {
  level: 1 | 2 | 3;
  name: { en: string; fr: string };
  /** Role codes whose people are alerted on their kiosk until someone acknowledges. */
  roles: readonly string[];
}

/**
 * The escalation chain per site kind, as data. The shipped roles have no "shift lead" or "shore
 * designated person" of their own: the nearest roles stand in (chef, administrators) until the
 * roles exist; administrators may edit who holds which role.
 */
export const ESCALATION_CHAINS: Readonly<Record<'vessel' | 'restaurant', readonly EscalationLevel[]>> = Object.freeze({
  vessel: [
    { level: 1, name: { en: 'Officer of the watch', fr: 'Officier de quart' }, roles: ['officer', 'master'] },
    { level: 2, name: { en: 'Master', fr: 'Capitaine' }, roles: ['master'] },
    {
      level: 3,
      name: { en: 'Shore designated person', fr: 'Personne désignée à terre' },
      roles: ['admin', 'super_admin'],
    },
  ],
  restaurant: [
    { level: 1, name: { en: 'Shift lead', fr: "Chef d'équipe" }, roles: ['chef', 'manager'] },
    { level: 2, name: { en: 'Manager', fr: 'Gérant' }, roles: ['manager', 'owner'] },
    { level: 3, name: { en: 'Owner', fr: 'Propriétaire' }, roles: ['owner', 'admin', 'super_admin'] },
  ],
});

export const MAX_LEVEL = 3;

/**
 * The id of an incident's escalation to `level`: the same on every kiosk, so two kiosks raising
 * it offline write one row.
 */
export const escalationId = (incidentId: string, level: number): string =>
  derivedId('incident-escalation', incidentId, String(level));

/**
 * The level an incident should have reached by itself: a critical one goes to level 1 at once,
 * and each breached SLA target (acknowledge, resolve) takes it one level further.
 *
 * @example autoLevel('critical', reading) // 2 once the 15-minute acknowledge target has passed
 */
export function autoLevel(severity: Severity, sla: SlaReading): number {
  return Math.min(MAX_LEVEL, (severity === 'critical' ? 1 : 0) + breaches(sla));
}

/** The levels to raise now to reach `wanted`, above the highest already raised. */
export function levelsToRaise(wanted: number, raised: readonly number[]): number[] {
  const top = raised.length ? Math.max(...raised) : 0;
  const out: number[] = [];
  for (let l = top + 1; l <= Math.min(wanted, MAX_LEVEL); l++) out.push(l);
  return out;
}

/** Whether a person holding `roleCode` is one of those an escalation at `level` alerts. */
export const alertsRole = (kind: 'vessel' | 'restaurant', level: number, roleCode: string): boolean =>
  ESCALATION_CHAINS[kind].find((l) => l.level === level)?.roles.includes(roleCode) ?? false;
