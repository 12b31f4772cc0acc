import { describe, expect, it } from 'vitest';
import { judgeSession, SESSION_MAX_MS } from '../../../shared/domain/session-rules.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const HOUR = 3_600_000;

describe('session rules', () => {
  it('ends a session 8 hours after sign-in, however busy it was', () => {
    expect(SESSION_MAX_MS).toBe(8 * HOUR);
    const busy = { startedAt: T0, lastActivityAt: T0 + 8 * HOUR - 1 };
    expect(judgeSession(busy, T0 + 8 * HOUR - 1, 120)).toBe('active');
    expect(judgeSession(busy, T0 + 8 * HOUR, 120)).toBe('expired');
  });

  it('locks after the site idle time with nobody touching the screen', () => {
    const s = { startedAt: T0, lastActivityAt: T0 + HOUR };
    expect(judgeSession(s, T0 + HOUR + 119_999, 120)).toBe('active');
    expect(judgeSession(s, T0 + HOUR + 120_000, 120)).toBe('idle');
  });

  it("uses the site's own idle seconds", () => {
    const s = { startedAt: T0, lastActivityAt: T0 };
    expect(judgeSession(s, T0 + 30_000, 30)).toBe('idle');
    expect(judgeSession(s, T0 + 30_000, 300)).toBe('active');
    expect(judgeSession(s, T0 + 300_000, 300)).toBe('idle');
  });

  it('says expired rather than idle when both apply', () => {
    expect(judgeSession({ startedAt: T0, lastActivityAt: T0 }, T0 + 9 * HOUR, 120)).toBe('expired');
  });
});
