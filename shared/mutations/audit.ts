import { z } from 'zod';
import { defineMutation } from './define.js';

/** Sign-in events a device records on its own, even with nobody signed in. */
export const DEVICE_AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.lockout',
  'auth.sign_out',
  'auth.idle_lock',
  'auth.unlock',
  'auth.session_expired',
] as const;

export const recordAuthEvent = defineMutation({
  name: 'audit.recordAuthEvent',
  audit: 'own',
  version: 1,
  authority: 'device',
  blind: true,
  args: z
    .object({
      id: z.uuid(),
      action: z.enum(DEVICE_AUDIT_ACTIONS),
      subjectUserId: z.uuid().nullable(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    })
    .strict(),
  async run(ctx, a) {
    await ctx.write.insert('audit_log', {
      id: a.id,
      site_id: ctx.siteId,
      action: a.action,
      actor_user_id: ctx.userId,
      subject_user_id: a.subjectUserId,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      detail: JSON.stringify(a.detail),
    });
  },
});
