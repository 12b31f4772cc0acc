import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * The central database's identity: its current epoch, renewed when this database turns out to
 * be a copy of another (a restored backup). Kiosks compare it with the one they last saw.
 *
 * Run by the database owner at every start, after the migrations: it reads the database-level
 * setting `shiftdeck.instance` and the database OID, which a `pg_dump`/`pg_restore` does not carry
 * over, and starts a new epoch when either differs from the newest epoch's. Idempotent; two
 * instances starting at once take an advisory lock.
 *
 * @example
 * const { epoch, renewed } = await ensureCentralIdentity(adminDb);
 */
export async function ensureCentralIdentity(adminDb: Kysely<any>): Promise<{ epoch: string; renewed: boolean }> {
  return adminDb.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7305118302)`.execute(trx);
    // Read from the catalog, not current_setting(): a connection opened before the last ALTER
    // DATABASE would still see the old value, and a second start would take itself for a copy.
    const here = await sql<{ instance: string | null; oid: string }>`
      SELECT (SELECT substr(c, length('shiftdeck.instance=') + 1) FROM pg_db_role_setting s, unnest(s.setconfig) AS c
              WHERE s.setdatabase = d.oid AND s.setrole = 0 AND c LIKE 'shiftdeck.instance=%' LIMIT 1) AS instance,
             d.oid::text AS oid
      FROM pg_database d WHERE d.datname = current_database()`.execute(trx);
    const { instance, oid } = here.rows[0];
    const last = await sql<{ epoch: string; instance: string; database_oid: string }>`
      SELECT epoch::text, instance::text, database_oid::text FROM central_epochs ORDER BY started_at DESC, epoch LIMIT 1`.execute(
      trx,
    );
    const current = last.rows[0];
    if (current && current.instance === instance && current.database_oid === oid)
      return { epoch: current.epoch, renewed: false };
    const epoch = randomUUID();
    const next = randomUUID();
    await sql`INSERT INTO central_epochs (epoch, instance, database_oid, started_at, reason, previous)
      VALUES (${epoch}::uuid, ${next}::uuid, ${oid}::bigint, clock_timestamp(), ${current ? 'copy' : 'created'}, ${current?.epoch ?? null}::uuid)`.execute(
      trx,
    );
    // A database-level setting, so a dump of this database (without --create) leaves it behind.
    await sql
      .raw(
        `ALTER DATABASE ${quoteIdent((await sql<{ db: string }>`SELECT current_database() AS db`.execute(trx)).rows[0].db)} SET shiftdeck.instance = '${next}'`,
      )
      .execute(trx);
    return { epoch, renewed: current !== undefined };
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The current epoch as the service role reads it; null before ensureCentralIdentity ever ran. */
export async function readCentralEpoch(db: Kysely<any>): Promise<string | null> {
  const r = await sql<{
    epoch: string;
  }>`SELECT epoch::text FROM central_epochs ORDER BY started_at DESC, epoch LIMIT 1`.execute(db);
  return r.rows[0]?.epoch ?? null;
}
