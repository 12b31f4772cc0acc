import { describe, expect, it } from 'vitest';
import { digestDate, digestGroups, inQuietHours, planDelivery } from '../../../shared/notifications/delivery-plan.js';

const NIGHT = { quietStart: '22:00', quietEnd: '06:00', digest: false };

describe('quiet hours', () => {
  it('wraps a window past midnight and ends it at its end minute', () => {
    expect(inQuietHours('21:59', '22:00', '06:00')).toBe(false);
    expect(inQuietHours('22:00', '22:00', '06:00')).toBe(true);
    expect(inQuietHours('03:00', '22:00', '06:00')).toBe(true);
    expect(inQuietHours('06:00', '22:00', '06:00')).toBe(false);
  });

  it('keeps a window within one day', () => {
    expect(inQuietHours('13:30', '13:00', '14:00')).toBe(true);
    expect(inQuietHours('14:00', '13:00', '14:00')).toBe(false);
  });

  it('means none when missing or empty', () => {
    expect(inQuietHours('03:00', null, null)).toBe(false);
    expect(inQuietHours('03:00', '03:00', '03:00')).toBe(false);
  });

  it('never hold back an urgent notification', () => {
    expect(planDelivery('urgent', NIGHT, '2026-03-02T23:00:00.000Z', 'UTC')).toEqual({ mode: 'now' });
    expect(planDelivery('urgent', { ...NIGHT, digest: true }, '2026-03-02T23:00:00.000Z', 'UTC')).toEqual({
      mode: 'now',
    });
  });

  it('hold a normal one until they end, the next morning in the site time zone', () => {
    // 23:00 UTC is 00:00 in Paris (winter): quiet hours end at 06:00 Paris, 05:00 UTC.
    expect(planDelivery('normal', NIGHT, '2026-03-02T23:00:00.000Z', 'Europe/Paris')).toEqual({
      mode: 'at',
      at: '2026-03-03T05:00:00.000Z',
    });
    // 21:00 UTC is 22:00 in Paris: the window started this evening and ends tomorrow.
    expect(planDelivery('normal', NIGHT, '2026-03-02T21:00:00.000Z', 'Europe/Paris')).toEqual({
      mode: 'at',
      at: '2026-03-03T05:00:00.000Z',
    });
    expect(planDelivery('normal', NIGHT, '2026-03-02T12:00:00.000Z', 'Europe/Paris')).toEqual({ mode: 'now' });
  });
});

describe('daily digest', () => {
  it('carries a non-urgent notification in the next 07:00 digest instead of at once', () => {
    const prefs = { quietStart: null, quietEnd: null, digest: true };
    expect(planDelivery('normal', prefs, '2026-03-02T06:59:00.000Z', 'UTC')).toEqual({
      mode: 'digest',
      date: '2026-03-02',
    });
    expect(planDelivery('low', prefs, '2026-03-02T07:00:00.000Z', 'UTC')).toEqual({
      mode: 'digest',
      date: '2026-03-03',
    });
    expect(digestDate('2026-03-02T06:30:00.000Z', 'Europe/Paris')).toBe('2026-03-03');
  });

  it('groups per recipient and digest date, newest first, and leaves urgent ones out', () => {
    const items = [
      { id: 'a', recipient: 'user:1', urgency: 'normal' as const, raisedAt: '2026-03-02T08:00:00.000Z' },
      { id: 'b', recipient: 'user:1', urgency: 'low' as const, raisedAt: '2026-03-02T09:00:00.000Z' },
      { id: 'c', recipient: 'user:2', urgency: 'normal' as const, raisedAt: '2026-03-02T09:30:00.000Z' },
      { id: 'd', recipient: 'user:1', urgency: 'urgent' as const, raisedAt: '2026-03-02T10:00:00.000Z' },
      { id: 'e', recipient: 'user:1', urgency: 'normal' as const, raisedAt: '2026-03-03T06:00:00.000Z' },
    ];
    const groups = digestGroups(items, 'UTC').map((g) => [g.recipient, g.date, g.items.map((i) => i.id)]);
    expect(groups).toEqual([
      ['user:1', '2026-03-03', ['e', 'b', 'a']],
      ['user:2', '2026-03-03', ['c']],
    ]);
  });
});
