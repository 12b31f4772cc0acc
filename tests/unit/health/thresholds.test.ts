import { describe, expect, it } from 'vitest';
import { evaluateHealth, worstLevel } from '../../../shared/health/thresholds.js';

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
