import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { readCentralEpoch } from './central-identity.js';

/**
 * Takes a backup the kiosks can rely on: first records every device's last seq (committed, so
 * the dump taken next holds at least those), then runs `dump` (pg_dump), then marks the backup
 * complete. A failed dump stays incomplete and is never reported to kiosks.
 *
 * @example
 * await recordBackup(adminDb, () => run('pg_dump', ['-Fc', '-f', file, '-d', adminUrl]));
 */
export async function recordBackup(adminDb: Kysely<any>, dump: () => Promise<unknown>): Promise<{ id: string }> {
  const epoch = await readCentralEpoch(adminDb);
  if (!epoch)
    throw new Error(
      'The central database has no identity yet: start the service once (it runs ensureCentralIdentity) before backing it up.',
    );
  const id = randomUUID();
  await sql`INSERT INTO central_backups (id, epoch, device_seqs)
    SELECT ${id}::uuid, ${epoch}::uuid, coalesce(jsonb_object_agg(id::text, last_seq), '{}'::jsonb) FROM devices`.execute(
    adminDb,
  );
  await dump();
  await sql`UPDATE central_backups SET completed_at = clock_timestamp() WHERE id = ${id}::uuid`.execute(adminDb);
  return { id };
}

/**
 * The seq of `deviceId` in the newest completed backup of `epoch` (0 when that backup predates
 * the device), or null when shore has recorded no backup in this epoch: backups are then taken
 * outside the service's knowledge, and kiosks keep settled mutations for their window only.
 */
export async function backedUpSeq(db: Kysely<any>, epoch: string, deviceId: string): Promise<number | null> {
  const r = await sql<{ seq: number | null }>`SELECT (device_seqs ->> ${deviceId})::int AS seq FROM central_backups
    WHERE epoch = ${epoch}::uuid AND completed_at IS NOT NULL ORDER BY completed_at DESC LIMIT 1`.execute(db);
  if (!r.rows.length) return null;
  return r.rows[0].seq ?? 0;
}
