import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { NOTIFICATION_KINDS, URGENCIES } from './kinds.js';
import { CHANNELS, preferenceFields } from './mutations.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');

/** One notification as a kiosk shows it: the kind and its params, rendered in the reader's language. */
export const notificationEntry = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  urgency: z.enum(URGENCIES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  raisedAt: z.string(),
  /** The person it is for by name, or null when it is for a role. */
  recipientName: z.string().nullable(),
  recipientRole: z.string().nullable(),
  /** The person it is about (the trainee of a reminder sent to their supervisor), by name. */
  personName: z.string().nullable(),
});

/** An urgent one on the locked screen, with the people on this site who may acknowledge it. */
export const urgentEntry = notificationEntry.extend({
  eligible: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/** The notifications area's API (electron/core/notifications/handlers.ts). */
export const notificationsContract = {
  /** The signed-in person's open notifications, urgent first, newest first within a lane. */
  'notifications.mine': method({
    access: 'session',
    input: empty,
    output: z.array(notificationEntry),
    touchesSession: false,
  }),
  /** Open urgent notifications of the site, for everyone at the kiosk, signed in or not. */
  'notifications.urgent': method({ access: 'public', input: empty, output: z.array(urgentEntry) }),
  /**
   * Someone of the right role (or the person it is for) acknowledges with their PIN, at a locked
   * kiosk or a signed-in one: the PIN proves who, whoever is signed in.
   */
  'notifications.acknowledge': method({
    access: 'public',
    input: z.object({ notificationId: z.uuid(), userId: z.uuid(), pin }).strict(),
    output: okOut,
  }),
  /** The signed-in person has read one of their own non-urgent notifications. */
  'notifications.dismiss': method({
    access: 'session',
    input: z.object({ notificationId: z.uuid() }).strict(),
    output: okOut,
  }),
  /** The signed-in person's channels, email, quiet hours and digest choice (defaults when never set). */
  'notifications.preferences': method({
    access: 'session',
    input: empty,
    output: z.object({
      channels: z.array(z.enum(CHANNELS)),
      email: z.string().nullable(),
      quietStart: z.string().nullable(),
      quietEnd: z.string().nullable(),
      digest: z.boolean(),
    }),
    touchesSession: false,
  }),
  'notifications.setPreferences': method({ access: 'session', input: preferenceFields, output: okOut }),
  /** Who is on call for a role at this site (null: everyone of the role). */
  'notifications.setOnCall': method({
    access: 'settings.manage',
    input: z.object({ role: z.string().trim().min(1).max(60), userId: z.uuid().nullable() }).strict(),
    output: okOut,
  }),
  /** Every role held at this site, its people, and who is on call for it (null: all of them are told). */
  'notifications.onCall': method({
    access: 'settings.manage',
    input: empty,
    output: z.array(
      z.object({
        role: z.string(),
        roleName: z.object({ en: z.string(), fr: z.string() }),
        people: z.array(z.object({ id: z.uuid(), name: z.string() })),
        onCall: z.uuid().nullable(),
      }),
    ),
    touchesSession: false,
  }),
  /**
   * Deliveries ashore whose latest attempt failed, newest first: retried at `nextAttemptAt`, or
   * given up when it is null. Read from notification_deliveries, which the service writes and
   * every kiosk of the site pulls like any site row (so it reads offline, as of the last sync).
   */
  'notifications.deliveryFailures': method({
    access: 'settings.manage',
    input: empty,
    output: z.array(
      z.object({
        id: z.uuid(),
        notification: notificationEntry.pick({ id: true, kind: true, urgency: true, params: true, raisedAt: true }),
        channel: z.enum(['email', 'webhook']),
        address: z.string(),
        attempt: z.number().int(),
        error: z.string(),
        at: z.string(),
        nextAttemptAt: z.string().nullable(),
      }),
    ),
    touchesSession: false,
  }),
} as const;
