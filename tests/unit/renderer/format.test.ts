import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent } from '../../../renderer/i18n/format.js';

// An instant with non-zero seconds; the zone is given so the test reads the same on any machine.
const AT = '2026-03-04T13:05:42.000Z';
const UTC = { timeZone: 'UTC' };

describe('dates and numbers in the kiosk language', () => {
  it('writes a French date day first, 24-hour, without seconds', () => {
    expect(formatDateTime(AT, 'fr', UTC)).toBe('04/03/2026 13:05');
  });

  it('writes English the British way, never the US "3/4/26, 1:05:42 PM"', () => {
    expect(formatDateTime(AT, 'en', UTC)).toBe('04/03/2026, 13:05');
  });

  it('keeps seconds where they are asked for (the audit log)', () => {
    expect(formatDateTime(AT, 'fr', { ...UTC, seconds: true })).toBe('04/03/2026 13:05:42');
  });

  it('writes percentages with the decimal comma and a space in French', () => {
    // ICU versions differ on which no-break space; either is right, a plain space or none is not.
    expect(formatPercent(70.6, 'fr')).toMatch(/^70,6[\u00a0\u202f]%$/);
    expect(formatPercent(70.6, 'en')).toBe('70.6%');
    expect(formatPercent(80, 'fr')).toMatch(/^80[\u00a0\u202f]%$/);
  });
});
