/**
 * Checks an incident's record offline: that no entry of its history was altered or removed since
 * a kiosk sealed it (shared/incidents/chain.ts).
 *
 *   npm run verify-incident -- --kiosk-db shiftdeck.db --incident <id> [--write-record record.json]
 *   npm run verify-incident -- --record record.json [--keys keys.json]
 *   npm run verify-incident -- --pdf incident-report.pdf [--keys keys.json]
 *
 * With --kiosk-db the seals are checked against the kiosks' keys that database holds (the synced
 * list the certificates use); a record file is checked against --keys (a JSON object
 * {keyId: publicKey}) or, without it, on its own signatures only. Exit code: 0 OK, 1 altered,
 * removed or a bad seal, 2 unsealed entries (e.g. after two kiosks appended offline), 3 usage or
 * not found.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { readPdfAttachments } from '../shared/exports/pdf-attachments.js';
import { checkRecord, readIncidentRecord, type IncidentRecord } from '../shared/incidents/record-check.js';
import type { SyncedDatabase } from '../shared/schema.js';

const USAGE =
  'Usage: npm run verify-incident -- --kiosk-db shiftdeck.db --incident <id> [--write-record out.json] | --record record.json [--keys keys.json] | --pdf report.pdf [--keys keys.json]';

async function fromKioskDb(file: string, incidentId: string) {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<SyncedDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    const site = raw.prepare('SELECT site_id FROM incidents WHERE id = ?').get(incidentId) as
      { site_id: string } | undefined;
    const record = site ? await readIncidentRecord(db, site.site_id, incidentId) : null;
    const keys = raw.prepare('SELECT key_id, public_key FROM training_signing_keys WHERE revoked_at IS NULL').all() as {
      key_id: string;
      public_key: string;
    }[];
    return { record, keys: new Map(keys.map((k) => [k.key_id, k.public_key])) };
  } finally {
    await db.destroy();
  }
}

/** The verdict in words, one line an entry that is not sealed as it was. */
export async function main(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const args = argv.filter((a) => a !== '--');
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dbFile = at('--kiosk-db');
  const recordFile = at('--record');
  let record: IncidentRecord | null;
  let keys: Map<string, string> | undefined;
  if (dbFile && at('--incident')) ({ record, keys } = await fromKioskDb(dbFile, at('--incident')!));
  else if (recordFile) {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as IncidentRecord;
    const keysFile = at('--keys');
    if (keysFile) keys = new Map(Object.entries(JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>));
  } else if (at('--pdf')) {
    // The incident report PDF carries the record as an embedded file.
    const files = await readPdfAttachments(readFileSync(at('--pdf')!));
    const found = files.find((f) => f.name === 'incident-record.json');
    if (!found) return { code: 3, lines: ['NOT FOUND: this PDF carries no incident record.'] };
    record = JSON.parse(Buffer.from(found.bytes).toString('utf8')) as IncidentRecord;
    const keysFile = at('--keys');
    if (keysFile) keys = new Map(Object.entries(JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>));
  } else return { code: 3, lines: [USAGE] };
  if (!record) return { code: 3, lines: ['NOT FOUND: no incident with that id in this database.'] };
  const out = at('--write-record');
  if (out) writeFileSync(out, JSON.stringify(record, null, 2));

  const v = checkRecord(record, keys);
  const lines: string[] = [];
  const said: Record<typeof v.status, string> = {
    ok: 'OK: every entry is as it was sealed.',
    altered: 'ALTERED: an entry differs from what its kiosk sealed.',
    removed: 'REMOVED: an entry that was sealed is missing.',
    bad_seal: 'BAD SEAL: a seal does not verify; the entries it lists are not vouched for.',
    no_seal: 'UNSEALED: no seal covers this history.',
    unsealed: 'UNSEALED: entries are not under the last seal (written after it, or merged from another kiosk).',
  };
  lines.push(said[v.status]);
  for (const e of v.entries)
    if (e.state !== 'sealed') lines.push(`  ${e.state.toUpperCase()}: entry ${e.id} (${e.kind} at ${e.at})`);
  for (const id of v.removed) lines.push(`  REMOVED: entry ${id}`);
  for (const s of v.badSeals) lines.push(`  BAD SEAL: ${s.id} (${s.problem.replace('_', ' ')})`);
  lines.push(
    `${v.entries.length} entries, ${v.sealCount} seals, last sealed ${v.lastSealedAt ?? 'never'}; signers ${keys ? 'checked against the kiosks’ keys' : 'not checked (pass --keys)'}.`,
  );
  const code = v.status === 'ok' ? 0 : v.status === 'unsealed' || v.status === 'no_seal' ? 2 : 1;
  return { code, lines };
}

if (process.argv[1] && /verify-incident\.[cm]?[tj]s$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then(({ code, lines }) => {
    for (const l of lines) console.log(l);
    process.exit(code);
  });
}
