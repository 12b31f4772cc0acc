import { sql, type Kysely } from 'kysely';
import { SERVICE_ROLE } from './central-schema.js';

const PASSWORD = /^[A-Za-z0-9._~+/=-]{16,200}$/;

/**
 * Makes the service's login role exist with `password` and without any power to step around
 * row-level security (no SUPERUSER, no BYPASSRLS). Run by the database owner at every start,
 * before the migrations (whose grants name the role). Not a numbered migration because the
 * password differs per deployment and may rotate. Roles belong to the whole cluster.
 *
 * @example
 * await ensureServiceRole(adminDb, process.env.SHIFTDECK_SERVICE_PASSWORD!);
 */
export async function ensureServiceRole(adminDb: Kysely<any>, password: string): Promise<void> {
  if (!PASSWORD.test(password)) {
    throw new Error(
      'The service role password must be 16 to 200 characters of letters, digits and ._~+/=- (for example `openssl rand -hex 24`).',
    );
  }
  // The password is checked above to hold no quote, so the literal cannot break out.
  const attrs = sql.raw(`LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
  const exists = await sql<{
    n: number;
  }>`SELECT 1 AS n FROM pg_catalog.pg_roles WHERE rolname = ${SERVICE_ROLE}`.execute(adminDb);
  if (exists.rows.length === 0) {
    try {
      await sql`CREATE ROLE ${sql.id(SERVICE_ROLE)} ${attrs}`.execute(adminDb);
      return;
    } catch (err) {
      // Another instance created it a moment ago; fall through and set it up the same way.
      if ((err as { code?: string }).code !== '42710') throw err;
    }
  }
  await sql`ALTER ROLE ${sql.id(SERVICE_ROLE)} WITH ${attrs}`.execute(adminDb);
}

/**
 * Refuses a service connection that row-level security would not hold: a superuser, a role with
 * BYPASSRLS, or the owner of the tables. Call it once on the service's pool at start.
 */
export async function assertServiceRoleIsWalled(serviceDb: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ user: string; rolsuper: boolean; rolbypassrls: boolean; owns: boolean }>`
    SELECT current_user AS user, r.rolsuper, r.rolbypassrls,
           EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tablename = 'sites' AND tableowner = current_user) AS owns
    FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`.execute(serviceDb);
  const me = rows[0];
  if (!me || me.rolsuper || me.rolbypassrls || me.owns) {
    throw new Error(
      `The sync service must connect as the "${SERVICE_ROLE}" role, not "${me?.user ?? '?'}": a superuser, a BYPASSRLS role or the tables' owner is not held by row-level security.`,
    );
  }
}
