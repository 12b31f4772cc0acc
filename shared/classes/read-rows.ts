import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../schema.js';
import type { StoredClass, StoredStudent } from './diagnose.js';
import { classSettingsId, existingClass, storedStudent } from './generate-run.js';
import { DEFAULT_HORIZON_WEEKS } from './generation.js';

/**
 * Everything the diagnosis reads for one site, from either database (the kiosk's SQLite or the
 * central PostgreSQL): the same portable Kysely reads as the mutators.
 */
export async function readClassTracking(
  db: Kysely<SyncedDatabase>,
  siteId: string,
): Promise<{ timeZone: string; horizonWeeks: number; students: StoredStudent[]; classes: StoredClass[] }> {
  const site = await db.selectFrom('sites').select('timezone').where('id', '=', siteId).executeTakeFirst();
  const settings = await db
    .selectFrom('class_settings')
    .select('horizon_weeks')
    .where('id', '=', classSettingsId(siteId))
    .executeTakeFirst();
  const students = await db
    .selectFrom('students')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
  const classes = await db
    .selectFrom('classes')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .execute();
  return {
    timeZone: site?.timezone ?? 'UTC',
    horizonWeeks: settings?.horizon_weeks ?? DEFAULT_HORIZON_WEEKS,
    students: students.map(storedStudent),
    classes: classes.map((c) => ({ ...existingClass(c), studentId: c.student_id })),
  };
}
