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
