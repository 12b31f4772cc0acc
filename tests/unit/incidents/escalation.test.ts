import { describe, expect, it } from 'vitest';
import {
  alertsRole,
  autoLevel,
  escalationId,
  ESCALATION_CHAINS,
  levelsToRaise,
} from '../../../shared/incidents/escalation.js';
import { DEFAULT_SLA, slaOf } from '../../../shared/incidents/sla.js';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const reading = (severity: keyof typeof DEFAULT_SLA, minutes: number) =>
  slaOf({ reportedAt: at(0), stage: 'reported', events: [], target: DEFAULT_SLA[severity], now: at(minutes) });

describe('escalation', () => {
  it('takes a critical incident to level 1 at once, level 2 at its 15-minute breach, level 3 when 24 h pass', () => {
    expect(autoLevel('critical', reading('critical', 0))).toBe(1);
    expect(autoLevel('critical', reading('critical', 14.99))).toBe(1);
    expect(autoLevel('critical', reading('critical', 15))).toBe(2);
    expect(autoLevel('critical', reading('critical', 24 * 60))).toBe(3);
    expect(autoLevel('critical', reading('critical', 99 * 24 * 60))).toBe(3);
  });

  it('escalates others only on a breach: one level per breached target', () => {
    expect(autoLevel('high', reading('high', 59))).toBe(0);
    expect(autoLevel('high', reading('high', 60))).toBe(1);
    expect(autoLevel('low', reading('low', 30 * 24 * 60))).toBe(2);
  });

  it('raises the missing levels above the highest already raised, never one twice', () => {
    expect(levelsToRaise(2, [])).toEqual([1, 2]);
    expect(levelsToRaise(2, [1])).toEqual([2]);
    expect(levelsToRaise(2, [2])).toEqual([]);
    expect(levelsToRaise(3, [1, 2])).toEqual([3]);
    expect(levelsToRaise(5, [])).toEqual([1, 2, 3]);
  });

  it('derives the id from (incident, level) alone, so two kiosks raise the same row', () => {
    const inc = '0193a1b2-0000-7000-8000-000000000001';
    expect(escalationId(inc, 1)).toBe(escalationId(inc, 1));
    expect(escalationId(inc, 1)).not.toBe(escalationId(inc, 2));
    expect(escalationId(inc, 1)).not.toBe(escalationId('0193a1b2-0000-7000-8000-000000000002', 1));
    expect(escalationId(inc, 1)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has three levels per site kind, each naming roles that exist, with names in EN and FR', () => {
    for (const kind of ['vessel', 'restaurant'] as const) {
      expect(ESCALATION_CHAINS[kind].map((l) => l.level)).toEqual([1, 2, 3]);
      for (const l of ESCALATION_CHAINS[kind]) {
        expect(l.name.en && l.name.fr).toBeTruthy();
        for (const r of l.roles) expect(DEFAULT_ROLES.some((d) => d.id === r)).toBe(true);
      }
    }
    expect(alertsRole('vessel', 1, 'officer')).toBe(true);
    expect(alertsRole('vessel', 2, 'officer')).toBe(false);
    expect(alertsRole('restaurant', 3, 'owner')).toBe(true);
  });
});
