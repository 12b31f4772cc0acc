import { describe, expect, it } from 'vitest';
import { isSilent } from '../../../shared/devices/silence.js';

const at = (iso: string) => Date.parse(iso);

describe('a device gone silent', () => {
  it('is one that missed two quarter-hour reports, not one that missed one', () => {
    expect(isSilent('2026-11-22T09:00:00Z', at('2026-11-22T09:16:00Z'))).toBe(false);
    expect(isSilent('2026-11-22T09:00:00Z', at('2026-11-22T09:31:00Z'))).toBe(false);
    expect(isSilent('2026-11-22T09:00:00Z', at('2026-11-22T09:31:01Z'))).toBe(true);
  });

  it('counts a report time that cannot be read as silent', () => {
    expect(isSilent('not a time', at('2026-11-22T09:00:00Z'))).toBe(true);
  });
});
