import { z } from 'zod';
import { parseRolePermissions } from '../domain/role-upgrade.js';
import { AppError } from '../errors.js';
import { defineMutation, type MutationContext, type MutationDef } from '../mutations/define.js';
import { pinHashSchema } from '../mutations/users.js';
import { personActionRefusal } from './person-guard.js';
import { PIN_HISTORY_KEPT, type PersonSecurityRow } from './schema.js';

/**
 * People management by administrators (issue 16 §5): edit, deactivate and reactivate, unlock,
 * reset a PIN, anonymise a former person, and the person changing their own PIN. Each is checked
 * again by the service with the actor's permission and site, and writes an audit row. PINs never
 * travel: the kiosk hashes them and checks reuse (electron/core/people/pin-reuse.ts) before queuing.
 */

interface Target {
  id: string;
  displayName: string;
  active: number;
  pinHash: string;
  permissions: string[];
}

async function requireTarget(ctx: MutationContext, userId: string): Promise<Target> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'active', 'pin_hash'])
    .where('id', '=', userId)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user)
    throw new AppError('NOT_FOUND', 'That person is not on this site. Pick a person from the list.', { userId });
  const role = await ctx.db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select('roles.permissions')
    .where('user_roles.user_id', '=', userId)
    .where('user_roles.site_id', '=', ctx.siteId)
    .where('user_roles.deleted_at', 'is', null)
    .executeTakeFirst();
  return {
    id: user.id,
    displayName: user.display_name,
    active: user.active,
    pinHash: user.pin_hash,
    permissions: role ? parseRolePermissions(role.permissions) : [],
  };
}

/** The person-action rule for the acting person; skipped for set-up and replays (checked when first run). */
function guard(ctx: MutationContext, target: Target) {
  if (ctx.userId === null || ctx.replaying) return;
  const refusal = personActionRefusal({
    actorId: ctx.userId,
    actorPermissions: ctx.permissions,
    targetId: target.id,
    targetPermissions: target.permissions,
  });
  if (refusal) throw new AppError('FORBIDDEN', refusal, { field: 'userId', userId: target.id });
}

const audit = (ctx: MutationContext, id: string, action: string, subject: string, detail: object = {}) =>
  ctx.write.insert('audit_log', {
    id,
    site_id: ctx.siteId,
    action,
    actor_user_id: ctx.userId,
    subject_user_id: subject,
    device_id: ctx.deviceId,
    hlc: ctx.hlc,
    detail: JSON.stringify(detail),
  });

async function securityOf(ctx: MutationContext, userId: string) {
  return ctx.db.selectFrom('person_security').selectAll().where('id', '=', userId).executeTakeFirst();
}

type SecurityPatch = Partial<Pick<PersonSecurityRow, 'pin_history' | 'pin_must_change' | 'anonymised_at'>>;

async function writeSecurity(ctx: MutationContext, userId: string, patch: SecurityPatch) {
  const had = await securityOf(ctx, userId);
  if (had) return ctx.write.update('person_security', userId, patch);
  return ctx.write.insert('person_security', {
    id: userId,
    site_id: ctx.siteId,
    pin_history: '[]',
    pin_must_change: 0,
    anonymised_at: null,
    ...patch,
  });
}

const historyOf = (json: string | undefined): string[] => (json ? parseRolePermissions(json) : []);

/** The person's new PIN hash, with the old one pushed onto the kept history. */
async function replacePin(ctx: MutationContext, target: Target, pinHash: string, mustChange: boolean) {
  const history = [target.pinHash, ...historyOf((await securityOf(ctx, target.id))?.pin_history)].slice(
    0,
    PIN_HISTORY_KEPT,
  );
  await ctx.write.update('users', target.id, { pin_hash: pinHash });
  await writeSecurity(ctx, target.id, { pin_history: JSON.stringify(history), pin_must_change: mustChange ? 1 : 0 });
}

const person = { userId: z.uuid(), auditId: z.uuid() };

export const setPersonLocale = defineMutation({
  name: 'people.setLocale',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ ...person, locale: z.enum(['en', 'fr']) }).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    const row = await ctx.db.selectFrom('users').select('locale').where('id', '=', target.id).executeTakeFirstOrThrow();
    if (row.locale === a.locale) return;
    await ctx.write.update('users', target.id, { locale: a.locale });
    await audit(ctx, a.auditId, 'users.locale_changed', target.id, { from: row.locale, to: a.locale });
  },
});

/** Deactivated people keep every row they made; they only disappear from the sign-in tiles. */
export const setPersonActive = defineMutation({
  name: 'people.setActive',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ ...person, active: z.boolean() }).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    guard(ctx, target);
    if (Boolean(target.active) === a.active) return;
    if (a.active && (await securityOf(ctx, target.id))?.anonymised_at)
      throw new AppError('CONFLICT', 'An anonymised person cannot come back; add them again as a new person.', {
        field: 'userId',
        reason: 'anonymised',
      });
    await ctx.write.update('users', target.id, { active: a.active ? 1 : 0 });
    await audit(ctx, a.auditId, a.active ? 'users.reactivated' : 'users.deactivated', target.id);
  },
});

/** Lifts a PIN lockout at every kiosk of the site: sign-in folds `auth.unlock` as a fresh start. */
export const unlockPerson = defineMutation({
  name: 'people.unlock',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object(person).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    guard(ctx, target);
    await audit(ctx, a.auditId, 'auth.unlock', target.id, { by: 'administrator' });
  },
});

/** An administrator sets a new PIN; with `mustChange` it is a temporary one the person replaces at sign-in. */
export const resetPersonPin = defineMutation({
  name: 'people.resetPin',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ ...person, pinHash: pinHashSchema, mustChange: z.boolean() }).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    guard(ctx, target);
    if (!target.active)
      throw new AppError('CONFLICT', `${target.displayName} is deactivated; reactivate them first.`, {
        field: 'userId',
        reason: 'inactive',
      });
    await replacePin(ctx, target, a.pinHash, a.mustChange);
    await audit(ctx, a.auditId, 'users.pin_reset', target.id, { mustChange: a.mustChange });
  },
});

/** The signed-in person chooses their own new PIN (after a reset, or whenever they like). */
export const changeOwnPin = defineMutation({
  name: 'people.changeOwnPin',
  audit: 'own',
  version: 1,
  authority: 'session',
  args: z.object({ auditId: z.uuid(), pinHash: pinHashSchema }).strict(),
  async run(ctx, a) {
    if (ctx.userId === null) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
    const target = await requireTarget(ctx, ctx.userId);
    await replacePin(ctx, target, a.pinHash, false);
    await audit(ctx, a.auditId, 'users.pin_changed', target.id);
  },
});

/** The label that replaces an anonymised person's name: no part of the name, stable per person. */
export const anonymisedName = (userId: string): string => `#${userId.replace(/-/g, '').slice(-6).toUpperCase()}`;

/**
 * GDPR erasure of a former (deactivated) person: the name becomes a neutral label, the PIN hash
 * and its history are cleared, the row is marked anonymised. Rows they made (certificates,
 * incidents, audit) stay, pointing at the same id: history is kept, and a certificate still
 * verifies by its code. The audit entry names nobody.
 */
export const anonymisePerson = defineMutation({
  name: 'people.anonymise',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object(person).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    guard(ctx, target);
    if ((await securityOf(ctx, target.id))?.anonymised_at) return;
    if (target.active)
      throw new AppError('CONFLICT', `Deactivate ${target.displayName} first: only a former person is anonymised.`, {
        field: 'userId',
        reason: 'active',
      });
    // An unusable hash (a 1-byte key never verifies): nobody signs in as an anonymised person.
    await ctx.write.update('users', target.id, {
      display_name: anonymisedName(target.id),
      pin_hash: 'scrypt$1024$8$1$AA==$AA==',
    });
    await writeSecurity(ctx, target.id, { pin_history: '[]', pin_must_change: 0, anonymised_at: ctx.now });
    await audit(ctx, a.auditId, 'users.anonymised', target.id);
  },
});

/** Records that someone exported a person's data (the export itself is a read on the kiosk). */
export const recordPersonExport = defineMutation({
  name: 'people.recordExport',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object(person).strict(),
  async run(ctx, a) {
    const target = await requireTarget(ctx, a.userId);
    await audit(ctx, a.auditId, 'users.exported', target.id);
  },
});

export const PEOPLE_MUTATIONS: readonly MutationDef[] = [
  setPersonLocale,
  setPersonActive,
  unlockPerson,
  resetPersonPin,
  changeOwnPin,
  anonymisePerson,
  recordPersonExport,
];
