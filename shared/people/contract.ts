import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');
const locale = z.enum(['en', 'fr']);
const displayName = z.string().trim().min(1, 'Give the person a name').max(80);
const who = { userId: z.uuid() };

/** One person of the site as the People screen lists them, former (deactivated) people included. */
export const personEntry = z.object({
  id: z.uuid(),
  displayName: z.string(),
  locale,
  roleId: z.uuid().nullable(),
  roleCode: z.string().nullable(),
  roleName: z.object({ en: z.string(), fr: z.string() }).nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePin: z.boolean(),
  anonymised: z.boolean(),
  /** Whether the signed-in person may act on this account (never their own, never someone above them). */
  manageable: z.boolean(),
});

const roleChoice = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  grantable: z.boolean(),
});

/** People management for administrators (issue 16 §5) and a person's own PIN change. */
export const peopleContract = {
  'people.list': method({
    access: 'users.manage',
    input: empty,
    output: z.object({ people: z.array(personEntry), roles: z.array(roleChoice) }),
    touchesSession: false,
  }),
  'people.create': method({
    access: 'users.manage',
    input: z.object({ displayName, locale, pin, roleId: z.uuid(), mustChange: z.boolean().default(false) }).strict(),
    output: z.object({ id: z.uuid() }),
  }),
  /** Changes what differs among name, language and role; each change is its own audited mutation. */
  'people.update': method({
    access: 'users.manage',
    input: z
      .object({ ...who, displayName: displayName.optional(), locale: locale.optional(), roleId: z.uuid().optional() })
      .strict(),
    output: okOut,
  }),
  'people.setActive': method({
    access: 'users.manage',
    input: z.object({ ...who, active: z.boolean() }).strict(),
    output: okOut,
  }),
  'people.unlock': method({ access: 'users.manage', input: z.object(who).strict(), output: okOut }),
  'people.resetPin': method({
    access: 'users.manage',
    input: z.object({ ...who, pin, mustChange: z.boolean() }).strict(),
    output: okOut,
  }),
  'people.anonymise': method({ access: 'users.manage', input: z.object(who).strict(), output: okOut }),
  /** Everything this site holds about a person, as JSON (GDPR access request); PIN hashes left out. */
  'people.export': method({
    access: 'users.manage',
    input: z.object(who).strict(),
    output: z.object({
      exportedAt: z.string(),
      person: z.record(z.string(), z.unknown()),
      tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    }),
  }),
  /** The signed-in person sets a new PIN (asked at sign-in after a reset). */
  'people.changeOwnPin': method({ access: 'session', input: z.object({ pin }).strict(), output: okOut }),
} as const;
