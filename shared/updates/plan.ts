import { createHash } from 'node:crypto';
import type { UpdatePolicy } from './policy.js';

/** Where this device stands in its site's rollout: 0-99, fixed for the device. */
export function rolloutBucket(deviceId: string): number {
  return createHash('sha256').update(`shiftdeck-rollout|${deviceId}`).digest().readUInt32BE(0) % 100;
}

export type UpdatePlan =
  | {
      check: true;
      /** The feed folder electron-updater reads (`generic` provider). */
      feedUrl: string;
      /** Going back to a pinned version older than the running one. */
      allowDowngrade: boolean;
      window: { start: string; end: string };
    }
  | { check: false; reason: 'not_in_share' };

/**
 * What the updater of `deviceId` does under `policy`, given the feed's base URL. A pinned version
 * applies to every kiosk of the site at once (going back must not wait for a share); a ring's
 * update only to the kiosks inside the share.
 *
 * @example
 * updatePlan({ ...DEFAULT_UPDATE_POLICY, ring: 'pilot' }, deviceId, 'http://onprem/shiftdeck/')
 * // { check: true, feedUrl: 'http://onprem/shiftdeck/pilot/', allowDowngrade: false, window: {...} }
 */
export function updatePlan(policy: UpdatePolicy, deviceId: string, feedBase: string): UpdatePlan {
  const base = feedBase.endsWith('/') ? feedBase : `${feedBase}/`;
  const window = { start: policy.windowStart, end: policy.windowEnd };
  if (policy.pinnedVersion)
    return { check: true, feedUrl: `${base}versions/${policy.pinnedVersion}/`, allowDowngrade: true, window };
  if (rolloutBucket(deviceId) >= policy.percent) return { check: false, reason: 'not_in_share' };
  return { check: true, feedUrl: `${base}${policy.ring}/`, allowDowngrade: false, window };
}
