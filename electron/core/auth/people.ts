import type { Kysely } from 'kysely';
import { isPermission, type Permission } from '../../../shared/permissions.js';
import type { LocalDatabase } from '../db/local-schema.js';

export interface Person {
  id: string;
  displayName: string;
  locale: 'en' | 'fr';
  pinHash: string;
  roleId: string;
  roleCode: string;
  roleName: { en: string; fr: string };
  permissions: Permission[];
  /** A temporary PIN set by an administrator: the person chooses a new one at sign-in. */
  mustChangePin: boolean;
}

const parsePermissions = (json: string): Permission[] => {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((p): p is Permission => typeof p === 'string' && isPermission(p)) : [];
  } catch {
    return [];
  }
};

/** People who hold an active role at `siteId`, with that role's permissions. */
export async function peopleAtSite(db: Kysely<LocalDatabase>, siteId: string, userId?: string): Promise<Person[]> {
  let q = db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .leftJoin('person_security as ps', 'ps.id', 'u.id')
    .select([
      'u.id',
      'u.display_name',
      'u.locale',
      'u.pin_hash',
      'r.id as role_id',
      'r.code',
      'r.name_en',
      'r.name_fr',
      'r.permissions',
      'ps.pin_must_change',
    ])
    .where('ur.site_id', '=', siteId)
    .where('ur.deleted_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .orderBy('u.display_name');
  if (userId) q = q.where('u.id', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    locale: r.locale,
    pinHash: r.pin_hash,
    roleId: r.role_id,
    roleCode: r.code,
    roleName: { en: r.name_en, fr: r.name_fr },
    permissions: parsePermissions(r.permissions),
    mustChangePin: r.pin_must_change === 1,
  }));
}

export async function personAtSite(
  db: Kysely<LocalDatabase>,
  siteId: string,
  userId: string,
): Promise<Person | undefined> {
  return (await peopleAtSite(db, siteId, userId))[0];
}
