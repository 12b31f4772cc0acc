import { describe, expect, it } from 'vitest';
import { rolloutBucket, updatePlan } from '../../../shared/updates/plan.js';
import { DEFAULT_UPDATE_POLICY, updatePolicy } from '../../../shared/updates/policy.js';

const FEED = 'http://onprem.local/shiftdeck';
const ids = Array.from({ length: 1000 }, (_, i) => `0193a4f0-0000-7000-8000-${String(i).padStart(12, '0')}`);

describe('staged update plan', () => {
  it('puts each device in a fixed bucket, spread over 0-99', () => {
    expect(rolloutBucket(ids[0])).toBe(rolloutBucket(ids[0]));
    const buckets = ids.map(rolloutBucket);
    expect(Math.min(...buckets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...buckets)).toBeLessThanOrEqual(99);
    // About a fifth of a thousand devices under 20: a share means what it says.
    const under20 = buckets.filter((b) => b < 20).length;
    expect(under20).toBeGreaterThan(150);
    expect(under20).toBeLessThan(250);
  });

  it('updates the share of kiosks set, keeps those in when the share grows, and none at 0 %', () => {
    const inShare = (percent: number) =>
      ids.filter((id) => updatePlan({ ...DEFAULT_UPDATE_POLICY, percent }, id, FEED).check);
    const twenty = inShare(20);
    const fifty = inShare(50);
    expect(twenty.every((id) => fifty.includes(id))).toBe(true);
    expect(fifty.length).toBeGreaterThan(twenty.length);
    expect(inShare(0)).toEqual([]);
    expect(inShare(100)).toHaveLength(ids.length);
  });

  it('reads the ring’s folder, and a pinned version’s folder for every kiosk at once, going back allowed', () => {
    expect(updatePlan({ ...DEFAULT_UPDATE_POLICY, ring: 'pilot' }, ids[0], FEED)).toEqual({
      check: true,
      feedUrl: `${FEED}/pilot/`,
      allowDowngrade: false,
      window: { start: '02:00', end: '05:00' },
    });
    const pinned = { ...DEFAULT_UPDATE_POLICY, percent: 0, pinnedVersion: '1.3.0' };
    for (const id of ids.slice(0, 20))
      expect(updatePlan(pinned, id, `${FEED}/`)).toMatchObject({
        check: true,
        feedUrl: `${FEED}/versions/1.3.0/`,
        allowDowngrade: true,
      });
  });

  it('refuses a policy in words naming the field', () => {
    const bad = updatePolicy.safeParse({ ...DEFAULT_UPDATE_POLICY, pinnedVersion: '../../etc', windowEnd: '25:00' });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(fields).toEqual([
      ['pinnedVersion', 'Write a version as the feed names it, such as 1.4.0'],
      ['windowEnd', 'Write a time as HH:MM, such as 05:00'],
    ]);
    expect(updatePolicy.safeParse({ ...DEFAULT_UPDATE_POLICY, percent: 101 }).success).toBe(false);
  });
});
