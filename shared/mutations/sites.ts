import { z } from 'zod';
import { DEFAULT_UPDATE_POLICY, updatePolicy, type UpdatePolicy } from '../updates/policy.js';
import type { SiteRow } from '../schema.js';
import { defineMutation } from './define.js';

export const IDLE_LOCK_DEFAULT_SECONDS = 120;

export const createSite = defineMutation({
  name: 'sites.create',
  version: 1,
  authority: 'system',
  args: z
    .object({
      id: z.uuid(),
      kind: z.enum(['restaurant', 'vessel']),
      name: z.string().trim().min(1).max(120),
      timezone: z.string().min(1).max(64),
    })
    .strict(),
  run: (ctx, a) =>
    ctx.write.insert('sites', {
      id: a.id,
      site_id: a.id,
      kind: a.kind,
      name: a.name,
      timezone: a.timezone,
      idle_lock_seconds: IDLE_LOCK_DEFAULT_SECONDS,
      ...updatePolicyColumns(DEFAULT_UPDATE_POLICY),
      deleted_at: null,
    }),
});

export const setIdleLock = defineMutation({
  name: 'sites.setIdleLock',
  version: 1,
  authority: 'settings.manage',
  args: z.object({ seconds: z.number().int().min(15).max(3600) }).strict(),
  run: (ctx, a) => ctx.write.update('sites', ctx.siteId, { idle_lock_seconds: a.seconds }),
});

/** Whether `zone` is an IANA time zone this runtime knows (Europe/Paris, Pacific/Auckland, UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

export const timeZoneField = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'Pick a time zone from the list, such as Europe/Paris');

/**
 * The site's time zone: its schedules, due dates, SLA clocks shown and charts follow it, on every
 * kiosk of the site and at shore (a vessel moving across zones changes it when the master says so).
 */
export const setTimezone = defineMutation({
  name: 'sites.setTimezone',
  version: 1,
  authority: 'settings.manage',
  args: z.object({ timezone: timeZoneField }).strict(),
  run: (ctx, a) => ctx.write.update('sites', ctx.siteId, { timezone: a.timezone }),
});

/** The `sites` columns of an update policy. */
export const updatePolicyColumns = (p: UpdatePolicy) => ({
  update_ring: p.ring,
  update_percent: p.percent,
  update_pinned_version: p.pinnedVersion,
  update_window_start: p.windowStart,
  update_window_end: p.windowEnd,
});

/** The update policy a `sites` row holds. */
export const updatePolicyOf = (
  row: Pick<
    SiteRow,
    'update_ring' | 'update_percent' | 'update_pinned_version' | 'update_window_start' | 'update_window_end'
  >,
): UpdatePolicy => ({
  ring: row.update_ring,
  percent: row.update_percent,
  pinnedVersion: row.update_pinned_version,
  windowStart: row.update_window_start,
  windowEnd: row.update_window_end,
});

/**
 * The site's update policy (shared/updates/policy.ts): ring, share of kiosks, a version to stay on
 * or go back to, install window. Every kiosk of the site follows it from its next sync.
 */
export const setUpdatePolicy = defineMutation({
  name: 'sites.setUpdatePolicy',
  version: 1,
  authority: 'settings.manage',
  args: updatePolicy,
  run: (ctx, a) => ctx.write.update('sites', ctx.siteId, updatePolicyColumns(a)),
});
