import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import { defineMutation, type MutationContext } from '../mutations/define.js';
import { isWallTime } from '../classes/site-time.js';
import { NOTIFICATION_KINDS, URGENCY_OF } from './kinds.js';
import { isRecipient, notificationId, type Recipient } from './recipients.js';

const uuidOrKey = z.string().trim().min(1).max(200);
const recipient = z.union([
  z.object({ userId: z.uuid() }).strict(),
  z.object({ role: z.string().trim().min(1).max(60) }).strict(),
]);

export const raiseArgs = z
  .object({
    kind: z.enum(NOTIFICATION_KINDS),
    subjectKind: z.string().trim().min(1).max(60),
    subjectId: z.uuid(),
    to: recipient,
    period: uuidOrKey,
    /** The values its message needs, rendered by each reader in their own language. */
    params: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.null()])),
  })
  .strict();
export type RaiseArgs = z.infer<typeof raiseArgs>;

/** The role code a person holds at the mutation's site, or null when they hold none there. */
async function roleCodeAt(ctx: MutationContext, userId: string): Promise<string | null> {
  const r = await ctx.db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select('r.code')
    .where('ur.user_id', '=', userId)
    .where('ur.site_id', '=', ctx.siteId)
    .where('ur.deleted_at', 'is', null)
    .executeTakeFirst();
  return r?.code ?? null;
}

/**
 * Raises a notification (a kiosk's notification watch, any enrolled device). Its id derives from
 * (kind, subject, recipient, period) and its urgency from its kind, so raising it again, on this
 * kiosk or another, changes nothing and no device can make a reminder urgent.
 */
export const raiseNotification = defineMutation({
  name: 'notifications.raise',
  version: 1,
  authority: 'device',
  args: raiseArgs,
  async run(ctx, a) {
    const to: Recipient = a.to;
    if ('userId' in to && !ctx.replaying && (await roleCodeAt(ctx, to.userId)) === null)
      throw new AppError('NOT_FOUND', 'That person holds no role at this site.', { field: 'to.userId' });
    await ctx.write.insertIfAbsent('notifications', {
      id: notificationId(a.kind, a.subjectId, to, a.period),
      site_id: ctx.siteId,
      kind: a.kind,
      subject_kind: a.subjectKind,
      subject_id: a.subjectId,
      recipient_user_id: 'userId' in to ? to.userId : null,
      recipient_role: 'role' in to ? to.role : null,
      urgency: URGENCY_OF[a.kind],
      params: JSON.stringify(a.params),
      period: a.period,
      raised_at: ctx.now,
      raised_by: ctx.userId,
      device_id: ctx.deviceId,
      acknowledged_at: null,
      acknowledged_by: null,
    });
  },
});

/**
 * A recipient has seen a notification (for an urgent one, they typed their PIN). Only the person
 * it is for, or someone holding the role it is for, may acknowledge it; the first acknowledgement
 * stands. Acknowledging an escalation's notification also acknowledges the escalation, so the
 * incident's alert stops as well.
 */
export const acknowledgeNotification = defineMutation({
  name: 'notifications.acknowledge',
  version: 1,
  authority: 'session',
  args: z.object({ notificationId: z.uuid() }).strict(),
  async run(ctx, a) {
    const n = await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', a.notificationId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!n) throw new AppError('NOT_FOUND', 'That notification is not on this site.', { field: 'notificationId' });
    if (!ctx.replaying) {
      const roleCode = ctx.userId ? await roleCodeAt(ctx, ctx.userId) : null;
      if (!ctx.userId || !roleCode || !isRecipient(n, { id: ctx.userId, roleCode }))
        throw new AppError('FORBIDDEN', 'This notification is for someone else: ask them, or a person of that role.', {
          field: 'notificationId',
        });
    }
    if (n.acknowledged_at !== null) return;
    // Earlier steps of the same reminder to the same recipient (due in a week, then tomorrow) are
    // answered with it, this one included: they must not come back once the latest is read.
    const open = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('site_id', '=', ctx.siteId)
      .where('subject_kind', '=', n.subject_kind)
      .where('subject_id', '=', n.subject_id)
      .where('acknowledged_at', 'is', null)
      .where((eb) =>
        n.recipient_user_id !== null
          ? eb('recipient_user_id', '=', n.recipient_user_id)
          : eb('recipient_role', '=', n.recipient_role ?? ''),
      )
      .execute();
    for (const e of open)
      await ctx.write.update('notifications', e.id, { acknowledged_at: ctx.now, acknowledged_by: ctx.userId });
    if (n.subject_kind === 'incident_escalation') {
      const e = await ctx.db
        .selectFrom('incident_escalations')
        .select(['id', 'acknowledged_at'])
        .where('id', '=', n.subject_id)
        .where('site_id', '=', ctx.siteId)
        .executeTakeFirst();
      if (e && e.acknowledged_at === null)
        await ctx.write.update('incident_escalations', e.id, { acknowledged_at: ctx.now, acknowledged_by: ctx.userId });
    }
  },
  merge: 'computed',
});

export const CHANNELS = ['kiosk', 'email', 'webhook'] as const;
const wallTime = z.string().refine(isWallTime, 'A time is HH:MM, e.g. 22:00').nullable();

export const preferenceId = (userId: string, siteId: string) => derivedId('notification_preference', userId, siteId);
export const onCallId = (siteId: string, role: string) => derivedId('notification_on_call', siteId, role);

export const preferenceFields = z
  .object({
    channels: z.array(z.enum(CHANNELS)).max(3),
    email: z.email('Type an email address like name@example.com').max(200).nullable(),
    quietStart: wallTime,
    quietEnd: wallTime,
    digest: z.boolean(),
  })
  .strict()
  .refine((p) => (p.quietStart === null) === (p.quietEnd === null), {
    message: 'Give both the start and the end of quiet hours, or neither',
    path: ['quietEnd'],
  });

/** The signed-in person's own choices: channels, email, quiet hours (never for urgent), digest. */
export const setPreferences = defineMutation({
  name: 'notifications.setPreferences',
  version: 1,
  authority: 'session',
  args: preferenceFields,
  async run(ctx, a) {
    if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
    const id = preferenceId(ctx.userId, ctx.siteId);
    const values = {
      channels: JSON.stringify([...new Set(a.channels)]),
      email: a.email,
      quiet_start: a.quietStart,
      quiet_end: a.quietEnd,
      digest: a.digest ? 1 : 0,
    };
    const fresh = await ctx.write.insertIfAbsent('notification_preferences', {
      id,
      site_id: ctx.siteId,
      user_id: ctx.userId,
      ...values,
    });
    if (!fresh) await ctx.write.update('notification_preferences', id, values);
  },
});

/** Who is on call for a role at the site (null: nobody in particular, everyone of the role). */
export const setOnCall = defineMutation({
  name: 'notifications.setOnCall',
  version: 1,
  authority: 'settings.manage',
  args: z.object({ role: z.string().trim().min(1).max(60), userId: z.uuid().nullable() }).strict(),
  async run(ctx, a) {
    if (a.userId && !ctx.replaying && (await roleCodeAt(ctx, a.userId)) !== a.role)
      throw new AppError('VALIDATION_FAILED', `That person does not hold the role "${a.role}" at this site.`, {
        field: 'userId',
      });
    const id = onCallId(ctx.siteId, a.role);
    const fresh = await ctx.write.insertIfAbsent('notification_on_call', {
      id,
      site_id: ctx.siteId,
      role_code: a.role,
      user_id: a.userId,
    });
    if (!fresh) await ctx.write.update('notification_on_call', id, { user_id: a.userId });
  },
});

export const NOTIFICATIONS_MUTATIONS = [raiseNotification, acknowledgeNotification, setPreferences, setOnCall];
