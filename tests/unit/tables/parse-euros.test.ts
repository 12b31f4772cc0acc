import { describe, expect, it } from 'vitest';
import { parseEuros } from '../../../renderer/screens/tables/money-text.js';

describe('euros typed by hand', () => {
  it('read whole euros and cents with a comma or a point, and refuse anything else', () => {
    expect(parseEuros('150')).toBe(15000);
    expect(parseEuros(' 12,5 ')).toBe(1250);
    expect(parseEuros('12.05')).toBe(1205);
    expect(parseEuros('0')).toBe(0);
    for (const bad of ['', ' ', '-3', '12,505', '1e3', '12,', 'douze', '12 50'])
      expect(parseEuros(bad), bad).toBeNull();
  });
});
