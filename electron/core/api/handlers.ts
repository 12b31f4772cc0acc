import { areasFor } from '../../../shared/permissions.js';
import { actorOf } from './actor.js';
import { readEnrolInput } from '../../../shared/devices/enrol-payload.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { setIdleLock, setTimezone } from '../../../shared/mutations/sites.js';
import { resolveConflict, useMine } from '../../../shared/mutations/conflicts.js';
import { decodeHlc } from '../../../shared/hlc.js';
import { createUser, setUserRole } from '../../../shared/mutations/users.js';
import { mayGrant } from '../../../shared/domain/role-change.js';
import type { AuthService } from '../auth/auth-service.js';
import { hashPin } from '../auth/pin-hash.js';
import { peopleAtSite } from '../auth/people.js';
import type { Store } from '../db/store.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import { readSyncStatus, type LinkState } from '../status.js';
import { createConflictViews } from '../sync/conflict-views.js';
import { createBackupsHandlers } from '../backups/handlers.js';
import { createClassesHandlers } from '../classes/handlers.js';
import { createTablesHandlers } from '../tables/handlers.js';
import { createIncidentsHandlers } from '../incidents/handlers.js';
import { createComplianceHandlers } from '../compliance/handlers.js';
import { createFuelHandlers } from '../fuel/handlers.js';
import { createTrainingHandlers } from '../training/handlers.js';
import { createLinksHandlers } from '../links/handlers.js';
import { createNotificationsHandlers } from '../notifications/handlers.js';
import { createPeopleHandlers } from '../people/handlers.js';
import { createDevicesHandlers } from '../devices/handlers.js';
import { createAuditHandlers } from '../audit/handlers.js';
import { createUpdatesHandlers } from '../updates/handlers.js';
import { createHealthHandlers } from '../health/handlers.js';
import { refuseReusedPin } from '../people/pin-reuse.js';
import type { Clock } from '../clock.js';
import type { CallContext, Handlers } from './dispatcher.js';
import type { HandlerDeps } from './handler-deps.js';
import { createComplianceExportHandlers } from '../compliance/export-handlers.js';
import { createIncidentExportHandlers } from '../incidents/export-handlers.js';

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function createHandlers(deps: HandlerDeps): Handlers {
  const hash = deps.pinHasher ?? hashPin;
  const views = createConflictViews(deps.store);
  return {
    ...createBackupsHandlers(deps),
    ...createPeopleHandlers(deps),
    ...createClassesHandlers(deps),
    ...createTrainingHandlers(deps),
    ...createTablesHandlers(deps),
    ...createLinksHandlers(deps),
    ...createIncidentsHandlers(deps),
    ...createComplianceHandlers(deps),
    ...createFuelHandlers(deps),
    ...createNotificationsHandlers(deps),
    ...createComplianceExportHandlers(deps),
    ...createIncidentExportHandlers(deps),
    ...createHealthHandlers(deps),
    ...createDevicesHandlers(deps),
    ...createUpdatesHandlers(deps),
    'app.info': async () => ({
      version: deps.version,
      deviceId: deps.deviceId,
      site: await deps.site(),
      demo: deps.demo,
    }),
    'status.get': () => readSyncStatus(deps.store, deps.link(), deps.clock.now()),
    'sync.reenrol': async (input) => {
      if (!deps.reenrol)
        throw new AppError('NOT_FOUND', 'This kiosk does not sync with a shore office, so there is nothing to enrol.');
      await deps.reenrol(readEnrolInput(input.code).code);
      return { ok: true as const };
    },
    'auth.users': () => deps.auth.tiles(),
    'auth.signIn': (input) => deps.auth.signIn(input.userId, input.pin),
    'auth.unlock': (input, ctx) => deps.auth.unlock(ctx.token, input.pin),
    'auth.session': (_input, ctx) => deps.auth.current(ctx.token),
    'auth.activity': async () => ({ ok: true as const }),
    'auth.signOut': async (_input, ctx) => {
      await deps.auth.signOut(ctx.token);
      return { ok: true as const };
    },
    'home.areas': async (_input, ctx) => areasFor(ctx.signedIn!.person.permissions, (await deps.site()).kind),

    ...createAuditHandlers(deps),

    'sync.conflicts': async () => {
      const site = await deps.site();
      const [conflicts, dead] = await Promise.all([
        deps.store.db
          .selectFrom('conflicts as c')
          .leftJoin('users as u', 'u.id', 'c.user_id')
          .select(['c.id', 'c.kind', 'c.code', 'c.message', 'c.mutation', 'c.created_at', 'c.args', 'u.display_name'])
          .where('c.site_id', '=', site.id)
          .where('c.resolved_at', 'is', null)
          .orderBy('c.created_at', 'desc')
          .limit(200)
          .execute(),
        // A change shore refused and wrote a conflict record for is that record's card: listing
        // the local outbox entry as well showed one refusal twice.
        deps.store.db
          .selectFrom('outbox as o')
          .select(['o.seq', 'o.name', 'o.status', 'o.last_error', 'o.hlc'])
          .where('o.status', 'in', ['rejected', 'dead'])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('conflicts as k')
                  .select('k.id')
                  .where('k.device_id', '=', deps.deviceId)
                  .whereRef('k.seq', '=', 'o.seq'),
              ),
            ),
          )
          .orderBy('o.seq', 'desc')
          .limit(200)
          .execute(),
      ]);
      return {
        conflicts: conflicts.map((c) => ({
          id: c.id,
          kind: c.kind,
          code: c.code,
          message: c.message,
          mutation: c.mutation,
          personName: c.display_name,
          createdAt: c.created_at,
          lost: views.lostEdit(c.code, c.args),
        })),
        deadLetters: dead.map((d) => ({
          seq: d.seq,
          mutation: d.name,
          status: d.status as 'rejected' | 'dead',
          error: d.last_error,
          queuedAt: new Date(decodeHlc(d.hlc).wall).toISOString(),
        })),
      };
    },
    'sync.now': async () => {
      if (!deps.syncNow)
        throw new AppError(
          'NOT_FOUND',
          'This kiosk has no link to shore set up: it runs on its own. Enroll it with a code from the shore office.',
          { reason: 'no_link' },
        );
      // A failed cycle is not an error of this call: the status says in words what went wrong.
      const report = await deps.syncNow();
      return {
        succeeded: report !== undefined,
        status: await readSyncStatus(deps.store, deps.link(), deps.clock.now()),
      };
    },
    'sync.resolveConflict': async (input, ctx) => {
      await deps.runner.run(resolveConflict, { id: input.id }, actorOf(ctx));
      return { ok: true as const };
    },
    'sync.useMine': async (input, ctx) => {
      await deps.runner.run(useMine, { id: input.id }, actorOf(ctx));
      return { ok: true as const };
    },

    'admin.users': async (_input, ctx) => {
      const site = await deps.site();
      const actor = actorOf(ctx);
      const [people, roles] = await Promise.all([
        peopleAtSite(deps.store.db, site.id),
        deps.store.db
          .selectFrom('roles')
          .select(['id', 'code', 'name_en', 'name_fr', 'site_kind', 'permissions'])
          .where('deleted_at', 'is', null)
          .orderBy('code')
          .execute(),
      ]);
      const tiles = await deps.auth.tiles();
      const lockedBy = new Map(tiles.map((t) => [t.id, t.lockedUntil]));
      // The same rule the mutation enforces, so the screen only offers what would be accepted.
      return {
        users: people.map((p) => ({
          id: p.id,
          displayName: p.displayName,
          roleCode: p.roleCode,
          roleName: p.roleName,
          roleId: p.roleId,
          lockedUntil: lockedBy.get(p.id) ?? null,
          changeable: p.id !== actor.userId && mayGrant(actor.permissions, p.permissions),
        })),
        roles: roles
          .filter((r) => r.site_kind === 'any' || r.site_kind === site.kind)
          .map((r) => ({
            id: r.id,
            code: r.code,
            name: { en: r.name_en, fr: r.name_fr },
            grantable: mayGrant(actor.permissions, parseList(r.permissions)),
          })),
      };
    },
    'admin.createUser': async (input, ctx) => {
      await refuseReusedPin(deps.store, (await deps.site()).id, input.pin, null);
      const id = newId();
      const pinHash = await hash(input.pin);
      await deps.runner.run(
        createUser,
        { id, auditId: newId(), displayName: input.displayName, locale: input.locale, pinHash, roleId: input.roleId },
        actorOf(ctx),
      );
      return { id };
    },
    'admin.setRole': async (input, ctx) => {
      await deps.runner.run(
        setUserRole,
        { userId: input.userId, roleId: input.roleId, auditId: newId() },
        actorOf(ctx),
      );
      return { ok: true as const };
    },
    'admin.setTimezone': async (input, ctx) => {
      await deps.runner.run(setTimezone, { timezone: input.timezone }, actorOf(ctx));
      return { ok: true as const };
    },
    'admin.setIdleLock': async (input, ctx) => {
      await deps.runner.run(setIdleLock, { seconds: input.seconds }, actorOf(ctx));
      return { ok: true as const };
    },
  };
}
