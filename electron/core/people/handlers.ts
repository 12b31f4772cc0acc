import type { peopleContract } from '../../../shared/people/contract.js';
import { actorOf } from '../api/actor.js';
import { mayGrant } from '../../../shared/domain/role-change.js';
import { parseRolePermissions } from '../../../shared/domain/role-upgrade.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { createUser, renameUser, setUserRole } from '../../../shared/mutations/users.js';
import {
  anonymisePerson,
  changeOwnPin,
  recordPersonExport,
  resetPersonPin,
  setPersonActive,
  setPersonLocale,
  unlockPerson,
} from '../../../shared/people/mutations.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { hashPin } from '../auth/pin-hash.js';
import { exportPerson } from './person-export.js';
import { refuseReusedPin } from './pin-reuse.js';

type PeopleHandlers = Pick<Handlers, keyof typeof peopleContract>;

/** People management on the kiosk: reads for the People screen, and each change as its mutation. */
export function createPeopleHandlers(deps: HandlerDeps): PeopleHandlers {
  const hash = deps.pinHasher ?? hashPin;
  const ok = { ok: true as const };

  return {
    'people.list': async (_input, ctx) => {
      const site = await deps.site();
      const actor = actorOf(ctx);
      const rows = await deps.store.db
        .selectFrom('users as u')
        .leftJoin('user_roles as ur', (j) =>
          j.onRef('ur.user_id', '=', 'u.id').on('ur.site_id', '=', site.id).on('ur.deleted_at', 'is', null),
        )
        .leftJoin('roles as r', 'r.id', 'ur.role_id')
        .leftJoin('person_security as ps', 'ps.id', 'u.id')
        .select([
          'u.id',
          'u.display_name',
          'u.locale',
          'u.active',
          'r.id as role_id',
          'r.code',
          'r.name_en',
          'r.name_fr',
          'r.permissions',
          'ps.pin_must_change',
          'ps.anonymised_at',
        ])
        .where('u.site_id', '=', site.id)
        .where('u.deleted_at', 'is', null)
        .orderBy('u.active', 'desc')
        .orderBy('u.display_name')
        .execute();
      const roles = await deps.store.db
        .selectFrom('roles')
        .select(['id', 'code', 'name_en', 'name_fr', 'site_kind', 'permissions'])
        .where('deleted_at', 'is', null)
        .orderBy('code')
        .execute();
      const locked = new Map((await deps.auth.tiles()).map((t) => [t.id, t.lockedUntil]));
      return {
        people: rows.map((r) => ({
          id: r.id,
          displayName: r.display_name,
          locale: r.locale,
          roleId: r.role_id,
          roleCode: r.code,
          roleName: r.name_en !== null && r.name_fr !== null ? { en: r.name_en, fr: r.name_fr } : null,
          active: r.active === 1,
          lockedUntil: locked.get(r.id) ?? null,
          mustChangePin: r.pin_must_change === 1,
          anonymised: r.anonymised_at !== null,
          manageable: r.id !== actor.userId && mayGrant(actor.permissions, parseRolePermissions(r.permissions ?? '[]')),
        })),
        roles: roles
          .filter((r) => r.site_kind === 'any' || r.site_kind === site.kind)
          .map((r) => ({
            id: r.id,
            code: r.code,
            name: { en: r.name_en, fr: r.name_fr },
            grantable: mayGrant(actor.permissions, parseRolePermissions(r.permissions)),
          })),
      };
    },

    'people.create': async (input, ctx) => {
      const actor = actorOf(ctx);
      await refuseReusedPin(deps.store, (await deps.site()).id, input.pin, null);
      const id = newId();
      const pinHash = await hash(input.pin);
      await deps.runner.run(
        createUser,
        { id, auditId: newId(), displayName: input.displayName, locale: input.locale, pinHash, roleId: input.roleId },
        actor,
      );
      // A PIN the administrator chose for the person is temporary when asked: the person replaces it at sign-in.
      if (input.mustChange)
        await deps.runner.run(resetPersonPin, { userId: id, auditId: newId(), pinHash, mustChange: true }, actor);
      return { id };
    },

    'people.update': async (input, ctx) => {
      const actor = actorOf(ctx);
      if (input.displayName !== undefined)
        await deps.runner.run(
          renameUser,
          { userId: input.userId, displayName: input.displayName, auditId: newId() },
          actor,
        );
      if (input.locale !== undefined)
        await deps.runner.run(setPersonLocale, { userId: input.userId, locale: input.locale, auditId: newId() }, actor);
      if (input.roleId !== undefined)
        await deps.runner.run(setUserRole, { userId: input.userId, roleId: input.roleId, auditId: newId() }, actor);
      return ok;
    },

    'people.setActive': async (input, ctx) => {
      await deps.runner.run(
        setPersonActive,
        { userId: input.userId, active: input.active, auditId: newId() },
        actorOf(ctx),
      );
      return ok;
    },

    'people.unlock': async (input, ctx) => {
      await deps.runner.run(unlockPerson, { userId: input.userId, auditId: newId() }, actorOf(ctx));
      return ok;
    },

    'people.resetPin': async (input, ctx) => {
      const actor = actorOf(ctx);
      await refuseReusedPin(deps.store, (await deps.site()).id, input.pin, input.userId);
      await deps.runner.run(
        resetPersonPin,
        { userId: input.userId, auditId: newId(), pinHash: await hash(input.pin), mustChange: input.mustChange },
        actor,
      );
      return ok;
    },

    'people.anonymise': async (input, ctx) => {
      await deps.runner.run(anonymisePerson, { userId: input.userId, auditId: newId() }, actorOf(ctx));
      return ok;
    },

    'people.export': async (input, ctx) => {
      const site = await deps.site();
      const { person, tables } = exportPerson(deps.store, site.id, input.userId);
      if (!person) throw new AppError('NOT_FOUND', 'That person is not on this site.', { field: 'userId' });
      await deps.runner.run(recordPersonExport, { userId: input.userId, auditId: newId() }, actorOf(ctx));
      return { exportedAt: new Date(deps.clock.now()).toISOString(), person, tables };
    },

    'people.changeOwnPin': async (input, ctx) => {
      const actor = actorOf(ctx);
      await refuseReusedPin(deps.store, (await deps.site()).id, input.pin, actor.userId);
      await deps.runner.run(changeOwnPin, { auditId: newId(), pinHash: await hash(input.pin) }, actor);
      return ok;
    },
  };
}
