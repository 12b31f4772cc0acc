import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMutation } from '../shared/audit/mutation-audit.js';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { diagnose, issueCount, type Diagnosis } from '../shared/classes/diagnose.js';
import { generateRun } from '../shared/classes/mutations.js';
import { readClassTracking } from '../shared/classes/read-rows.js';
import { createHlc, decodeHlc } from '../shared/hlc.js';
import { derivedId, newId } from '../shared/ids.js';
import type { MutationContext } from '../shared/mutations/define.js';
import type { SyncedDatabase } from '../shared/schema.js';
import type { Clock } from '../electron/core/clock.js';
import { createKiosk } from '../electron/core/kiosk.js';
import type { CentralDatabase } from '../server/db/central-schema.js';
import { inSiteTransaction } from '../server/db/site-tx.js';
import { createPgWriter } from '../server/sync/pg-writer.js';

/** What a fix did at one site: classes created and the students it skipped, with why. */
export interface FixReport {
  siteId: string;
  created: number;
  skipped: { studentId: string; name: string; reason: string }[];
}

/** The device id the central fix writes its log entries under (no kiosk ran it). */
export const CENTRAL_FIX_DEVICE = derivedId('device', 'classes-cli-central');

/** A kiosk's data dir from a path to it or to its shiftdeck.db. */
export function kioskDataDir(path: string): string {
  const dir = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
  if (!existsSync(join(dir, 'shiftdeck.db'))) throw new Error(`No kiosk database (shiftdeck.db) at ${path}.`);
  return dir;
}

/** Diagnoses a kiosk database read-only; safe while the kiosk runs. */
export async function diagnoseKioskDb(
  path: string,
  now = new Date().toISOString(),
): Promise<{ siteId: string; diagnosis: Diagnosis }> {
  const file = join(kioskDataDir(path), 'shiftdeck.db');
  const raw = new Database(file, { readonly: true });
  const db = new Kysely<SyncedDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    const site = (raw.prepare("SELECT value FROM meta WHERE key = 'site_id'").get() as { value: string } | undefined)
      ?.value;
    if (!site) throw new Error(`The kiosk database ${file} belongs to no site yet.`);
    const t = await readClassTracking(db, site);
    return { siteId: site, diagnosis: diagnose({ ...t, now, timeZone: t.timeZone, horizonWeeks: t.horizonWeeks }) };
  } finally {
    await db.destroy();
  }
}

/**
 * Fixes a kiosk database the way the Fix button does: one `classes.generate` run (operation fix)
 * through the kiosk's own mutation layer, queued for sync like any other change.
 */
export async function fixKioskDb(path: string, clock?: Clock): Promise<FixReport> {
  const kiosk = await createKiosk({ dataDir: kioskDataDir(path), clock });
  try {
    const logId = newId();
    await kiosk.runner.run(generateRun, { logId, operation: 'fix' }, { userId: null, permissions: [] });
    const log = await kiosk.store.db
      .selectFrom('class_generation_logs')
      .select(['classes_created', 'error_detail'])
      .where('id', '=', logId)
      .executeTakeFirstOrThrow();
    return { siteId: kiosk.siteId, created: log.classes_created, skipped: skippedOf(log.error_detail) };
  } finally {
    await kiosk.close();
  }
}

const skippedOf = (detail: string | null): FixReport['skipped'] =>
  detail ? ((JSON.parse(detail) as { skipped?: FixReport['skipped'] }).skipped ?? []) : [];

/** Every site of the central database (the owner's connection), or the one asked for. */
export async function centralSites(
  admin: Kysely<CentralDatabase>,
  only?: string,
): Promise<{ id: string; name: string }[]> {
  let q = admin.selectFrom('sites').select(['id', 'name']).where('deleted_at', 'is', null);
  if (only) q = q.where('id', '=', only);
  return q.orderBy('name').execute();
}

export async function diagnoseCentral(
  service: Kysely<CentralDatabase>,
  siteId: string,
  now = new Date().toISOString(),
): Promise<Diagnosis> {
  return inSiteTransaction(service, siteId, async (trx) => {
    const t = await readClassTracking(trx as unknown as Kysely<SyncedDatabase>, siteId);
    return diagnose({ ...t, now, timeZone: t.timeZone, horizonWeeks: t.horizonWeeks });
  });
}

/**
 * Fixes one site on the central database with the same mutator the kiosks and the sync service
 * run, in one site transaction that takes the next site version (so kiosks pull the new classes)
 * and pokes them.
 */
export async function fixCentral(
  service: Kysely<CentralDatabase>,
  siteId: string,
  wall = Date.now(),
): Promise<FixReport> {
  const hlc = createHlc(CENTRAL_FIX_DEVICE, () => wall).now();
  const now = new Date(decodeHlc(hlc).wall).toISOString();
  const logId = newId();
  return inSiteTransaction(service, siteId, async (trx) => {
    const writer = createPgWriter(trx, { siteId, now, hlc, onOverwrite: () => undefined });
    const ctx: MutationContext = {
      userId: null,
      permissions: [],
      siteId,
      deviceId: CENTRAL_FIX_DEVICE,
      hlc,
      now,
      db: trx as unknown as Kysely<SyncedDatabase>,
      write: writer.direct,
    };
    await applyMutation(generateRun, ctx, { logId, operation: 'fix' });
    await writer.flush();
    const version = writer.versions.get(siteId);
    if (version !== undefined) await sql`SELECT pg_notify('shiftdeck_site', ${`${siteId}:${version}`})`.execute(trx);
    const log = await trx
      .selectFrom('class_generation_logs')
      .select(['classes_created', 'error_detail'])
      .where('id', '=', logId)
      .executeTakeFirstOrThrow();
    return { siteId, created: log.classes_created, skipped: skippedOf(log.error_detail) };
  });
}

/** The diagnosis as the old scripts printed it: ✅ fine, ⚠️ missing, ❌ invalid. */
export function formatDiagnosis(label: string, d: Diagnosis): string {
  const lines = [`${label}: ${d.studentsChecked} students checked up to ${d.horizonEnd} (exclusive)`];
  lines.push(`  ✅ ${d.studentsOk} student${d.studentsOk === 1 ? '' : 's'} with every class in place`);
  for (const m of d.missing)
    lines.push(
      `  ⚠️  ${m.name}: ${m.count} missing class${m.count === 1 ? '' : 'es'} (${m.dates.slice(0, 6).join(', ')}${m.dates.length > 6 ? ', ...' : ''})`,
    );
  for (const i of d.invalid) lines.push(`  ❌ ${i.name}: ${i.problems.join(' ')}`);
  for (const o of d.outsideSchedule)
    lines.push(`  ❌ ${o.name}: class on ${o.date} at ${o.start} is not in the schedule`);
  for (const x of d.duplicates)
    lines.push(`  ❌ ${x.name}: ${x.classIds.length} classes on ${x.date} at ${x.start} (${x.classIds.join(', ')})`);
  lines.push(
    issueCount(d) === 0
      ? '  Nothing to fix.'
      : `  ${issueCount(d)} issue${issueCount(d) === 1 ? '' : 's'}; \`npm run classes -- fix\` creates the missing classes.`,
  );
  return lines.join('\n');
}

export function formatFix(label: string, r: FixReport): string {
  const lines = [`${label}: ✅ ${r.created} class${r.created === 1 ? '' : 'es'} created`];
  for (const s of r.skipped) lines.push(`  ⏭️  skipped ${s.name}: ${s.reason}`);
  return lines.join('\n');
}
