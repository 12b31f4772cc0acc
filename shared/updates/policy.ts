import { z } from 'zod';

/**
 * Staged updates (issue 16 §8). The on-premises feed holds one folder per ring and one per version:
 *
 *   <feed>/pilot/latest.yml     the newest build, for the sites that try it first
 *   <feed>/broad/latest.yml     the build every other site gets, once the pilot went well
 *   <feed>/versions/1.4.0/...   every published build, to go back to
 *
 * Each site's policy (columns of its synced `sites` row) picks a ring, the share of its kiosks that
 * take an update now (the rest wait until the share is raised), an optional version to stay on or
 * go back to, and the install window. Which kiosks are in the share is decided by the device id,
 * so the same kiosks go first each time and raising 20 % to 50 % keeps the first 20 % in.
 */
export const UPDATE_RINGS = ['pilot', 'broad'] as const;
export type UpdateRing = (typeof UPDATE_RINGS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A release version as electron-builder publishes it: 1.4.0, 1.4.0-beta.2. */
export const RELEASE_VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.]{1,20})?$/;

export const updatePolicy = z
  .object({
    ring: z.enum(UPDATE_RINGS),
    percent: z.number().int().min(0).max(100),
    pinnedVersion: z.string().regex(RELEASE_VERSION, 'Write a version as the feed names it, such as 1.4.0').nullable(),
    windowStart: z.string().regex(HHMM, 'Write a time as HH:MM, such as 02:00'),
    windowEnd: z.string().regex(HHMM, 'Write a time as HH:MM, such as 05:00'),
  })
  .strict();
export type UpdatePolicy = z.infer<typeof updatePolicy>;

/** A site that never set a policy: the broad ring, every kiosk, at night. */
export const DEFAULT_UPDATE_POLICY: UpdatePolicy = Object.freeze({
  ring: 'broad',
  percent: 100,
  pinnedVersion: null,
  windowStart: '02:00',
  windowEnd: '05:00',
});
