import { describe, expect, it } from 'vitest';
import {
  evaluateHealth,
  HEALTH_CHECKS,
  isAlert,
  rateReading,
  SHORE_CHECKS,
  worstLevel,
} from '../../../shared/health/thresholds.js';

const levelOf = (id: string, value: number | null) => evaluateHealth({ [id]: value }).find((c) => c.id === id)!.level;

describe('health thresholds', () => {
  it('warns at the warning threshold and is critical at the critical one', () => {
    expect(levelOf('backup_age', 29)).toBe('ok');
    expect(levelOf('backup_age', 30)).toBe('warning');
    expect(levelOf('backup_age', 120)).toBe('critical');
    expect(levelOf('outbox_depth', 499)).toBe('ok');
    expect(levelOf('outbox_depth', 5000)).toBe('critical');
  });

  it('rates free disk the other way: little left is bad', () => {
    expect(levelOf('free_disk', 10 * 1024 ** 3)).toBe('ok');
    expect(levelOf('free_disk', 1024 ** 3)).toBe('warning');
    expect(levelOf('free_disk', 100 * 1024 ** 2)).toBe('critical');
  });

  it('rates a clock behind as it rates one ahead', () => {
    expect(levelOf('clock_offset', -90)).toBe('warning');
    expect(levelOf('clock_offset', 400)).toBe('critical');
    expect(levelOf('clock_offset', -5)).toBe('ok');
  });

  it('calls a missing reading unknown, never ok, and the worst level wins', () => {
    const all = evaluateHealth({ backup_age: null, outbox_depth: 3 });
    expect(all.find((c) => c.id === 'backup_age')!.level).toBe('unknown');
    expect(worstLevel(all)).toBe('unknown');
    expect(worstLevel(evaluateHealth({ outbox_depth: 9000 }))).toBe('critical');
  });
});

describe('health thresholds: error rate, routes and shore', () => {
  it('rates unexpected errors an hour as the manual rates failed payments: 5 warns, 20 is critical', () => {
    expect(levelOf('error_rate', 4)).toBe('ok');
    expect(levelOf('error_rate', 5)).toBe('warning');
    expect(levelOf('error_rate', 20)).toBe('critical');
  });

  it('shows a stale failover route without letting it raise the alert', () => {
    const route = HEALTH_CHECKS.find((c) => c.id === 'route_last_sync')!;
    const satellite = rateReading(route, 3 * 24 * 60, 'sat.example:443');
    expect(satellite).toMatchObject({ level: 'critical', advisory: true, subject: 'sat.example:443' });
    const rest = evaluateHealth({ backup_age: 1, error_rate: 0 }).filter((c) => c.value !== null);
    expect(worstLevel([...rest, satellite])).toBe('ok');
    expect(evaluateHealth({}).some((c) => c.id === 'route_last_sync')).toBe(false);
  });

  it('rates shore readings with their own thresholds; warning and critical alert, unknown does not', () => {
    const dead = SHORE_CHECKS.find((c) => c.id === 'dead_letters')!;
    expect(rateReading(dead, 0).level).toBe('ok');
    expect(rateReading(dead, 1).level).toBe('warning');
    expect(rateReading(dead, 50).level).toBe('critical');
    expect(isAlert('warning') && isAlert('critical')).toBe(true);
    expect(isAlert('unknown') || isAlert('ok')).toBe(false);
  });
});
