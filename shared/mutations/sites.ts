import { z } from 'zod';
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
