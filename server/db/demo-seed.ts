import type { Kysely } from 'kysely';
import { hashPin as scryptPin } from '../../electron/core/auth/pin-hash.js';
import { DEMO_SITES, demoSite, demoSiteId, demoUserId, type DemoSite } from '../../shared/demo.js';
import { encodeHlc } from '../../shared/hlc.js';
import { derivedId, roleId } from '../../shared/ids.js';
import { userRoleId } from '../../shared/mutations/users.js';
import type { CentralDatabase } from './central-schema.js';
import { insertDemoMenu } from './demo-menu-seed.js';
import { NOTHING_TO_DO, insertSiteRow, rollbackUnless } from './sites.js';
import { inSiteTransaction } from './site-tx.js';
import { nextSiteVersion } from './site-versions.js';

/** The device id the central store writes its own audit entries under (seeding). */
export const CENTRAL_DEVICE_ID = derivedId('device', 'central');

export interface DemoSeedOptions {
  /** Tests may pass a cheaper KDF; the default is the kiosk's scrypt. */
  hashPin?: (pin: string) => Promise<string>;
  now?: string;
}

/**
 * Seeds the demo sites into PostgreSQL with the very rows a kiosk's demo seed writes (the same
 * ids, derived from names; PIN hashes differ only by their salt), so a demo kiosk and the
 * central store agree before the first sync. Each site is one transaction stamped with one new
 * version of its stream. A site that exists is left alone. Needs the default roles
 * (ensureCentralReferenceData) first. Returns the keys of the sites it seeded.
 *
 * @example
 * await ensureCentralReferenceData(db);
 * await seedCentralDemo(db); // ['restaurant', 'vessel'], then [] on every later start
 */
export async function seedCentralDemo(
  db: Kysely<CentralDatabase>,
  opts: DemoSeedOptions = {},
): Promise<DemoSite['key'][]> {
  const seeded: DemoSite['key'][] = [];
  for (const site of DEMO_SITES) if (await seedCentralDemoSite(db, site.key, opts)) seeded.push(site.key);
  return seeded;
}

export async function seedCentralDemoSite(
  db: Kysely<CentralDatabase>,
  key: DemoSite['key'],
  opts: DemoSeedOptions = {},
): Promise<boolean> {
  const site = demoSite(key);
  const siteId = demoSiteId(key);
  const now = opts.now ?? new Date().toISOString();
  const exists = (trx: Kysely<CentralDatabase>) =>
    trx.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (await inSiteTransaction(db, siteId, exists)) return false;

  const hashes = await Promise.all(site.people.map((p) => (opts.hashPin ?? scryptPin)(p.pin)));
  return rollbackUnless(() =>
    inSiteTransaction(db, siteId, async (trx) => {
      // The version lock first: a concurrent seeder waits here, then finds the site and stops.
      const version = await nextSiteVersion(trx, siteId);
      if (await exists(trx)) throw NOTHING_TO_DO;
      const roles = await trx
        .selectFrom('roles')
        .select('id')
        .where(
          'id',
          'in',
          site.people.map((p) => roleId(p.role)),
        )
        .execute();
      if (roles.length < new Set(site.people.map((p) => p.role)).size) {
        throw new Error(
          'The default roles are missing from the central database; run ensureCentralReferenceData before seeding the demo.',
        );
      }
      const stamp = { created_at: now, updated_at: now, _version: version };
      await insertSiteRow(trx, { id: siteId, kind: site.kind, name: site.name, timezone: site.timezone }, version, now);
      const people = site.people.map((p, i) => ({ p, userId: demoUserId(key, p.name), pinHash: hashes[i] }));
      await trx
        .insertInto('users')
        .values(
          people.map(({ p, userId, pinHash }) => ({
            id: userId,
            site_id: siteId,
            display_name: p.name,
            pin_hash: pinHash,
            locale: p.locale,
            active: 1,
            deleted_at: null,
            ...stamp,
          })),
        )
        .execute();
      await trx
        .insertInto('user_roles')
        .values(
          people.map(({ p, userId }) => ({
            id: userRoleId(userId, siteId),
            site_id: siteId,
            user_id: userId,
            role_id: roleId(p.role),
            deleted_at: null,
            ...stamp,
          })),
        )
        .execute();
      if (site.kind === 'restaurant') await insertDemoMenu(trx, siteId, stamp);
      const wall = Date.parse(now);
      await trx
        .insertInto('audit_log')
        .values(
          people.map(({ p, userId }, i) => ({
            id: derivedId('demo-audit', key, p.name),
            site_id: siteId,
            action: 'users.created',
            actor_user_id: null,
            subject_user_id: userId,
            device_id: CENTRAL_DEVICE_ID,
            hlc: encodeHlc({ wall, counter: i, node: CENTRAL_DEVICE_ID }),
            detail: JSON.stringify({ role: p.role }),
            ...stamp,
          })),
        )
        .execute();
      return true;
    }),
  );
}
