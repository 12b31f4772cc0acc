import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../schema.js';
import {
  CHAIN_EVENT_COLUMNS,
  CHAIN_REPORT_COLUMNS,
  chainOrder,
  entryHash,
  sealFault,
  type ChainEvent,
  type ChainReport,
  type SealEntry,
} from './chain.js';
import type { IncidentSealRow } from './schema.js';

/**
 * An incident's record as the verifier reads it: the report, its events and its seals, as rows.
 * `npm run verify-incident -- --record file.json` reads this shape.
 */
export interface IncidentRecord {
  v: 1;
  incident: ChainReport & { site_id: string | null };
  events: ChainEvent[];
  seals: Pick<
    IncidentSealRow,
    | 'id'
    | 'incident_id'
    | 'site_id'
    | 'device_id'
    | 'key_id'
    | 'public_key'
    | 'head'
    | 'entries'
    | 'signature'
    | 'sealed_at'
  >[];
}

export type EntryState = 'sealed' | 'altered' | 'unsealed';
export type SealProblem = 'key_mismatch' | 'head_mismatch' | 'bad_signature' | 'untrusted_key' | 'wrong_incident';

export interface RecordVerdict {
  /** The worst finding: altered > removed > bad_seal > no_seal > unsealed > ok. */
  status: 'ok' | 'altered' | 'removed' | 'bad_seal' | 'no_seal' | 'unsealed';
  entries: { id: string; kind: ChainEvent['kind']; at: string; state: EntryState }[];
  /** Entries a good seal lists that the record no longer holds. */
  removed: string[];
  badSeals: { id: string; problem: SealProblem }[];
  sealCount: number;
  lastSealedAt: string | null;
}

const parseEntries = (json: string): SealEntry[] | null => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.every((e) => typeof e?.id === 'string' && typeof e?.hash === 'string')
      ? (v as SealEntry[])
      : null;
  } catch {
    return null;
  }
};

/**
 * Checks an incident's record offline. Every entry is compared with every good seal that lists
 * it: a different hash is "altered", a listed entry that is gone is "removed". An entry under no
 * good seal, or not under the latest one, is "unsealed": that is what two kiosks appending offline
 * leave until the next append seals the merged history, so it is not called altered.
 * `trustedKeys` (key id -> raw public key) turns a seal by a key not listed into a bad seal.
 *
 * @example
 * const v = checkRecord(await readIncidentRecord(db, id), keys);
 * if (v.status === 'altered') show(v.entries.filter((e) => e.state === 'altered'));
 */
export function checkRecord(record: IncidentRecord, trustedKeys?: ReadonlyMap<string, string>): RecordVerdict {
  const report = record.incident;
  const events = chainOrder(record.events);
  const hashOf = new Map(events.map((e) => [e.id, entryHash(e, e.kind === 'reported' ? report : null)]));
  const altered = new Set<string>();
  const removed = new Set<string>();
  const badSeals: RecordVerdict['badSeals'] = [];
  const good: { sealedAt: string; ids: Set<string> }[] = [];

  for (const s of record.seals) {
    const entries = parseEntries(s.entries);
    let problem: SealProblem | null = null;
    if (!entries || s.incident_id !== report.id || s.site_id !== report.site_id) problem = 'wrong_incident';
    else
      problem = sealFault({
        incidentId: s.incident_id,
        siteId: s.site_id ?? '',
        deviceId: s.device_id,
        entries,
        head: s.head,
        sealedAt: s.sealed_at,
        keyId: s.key_id,
        publicKey: s.public_key,
        signature: s.signature,
      });
    if (!problem && trustedKeys && trustedKeys.get(s.key_id) !== s.public_key) problem = 'untrusted_key';
    if (problem || !entries) {
      badSeals.push({ id: s.id, problem: problem ?? 'wrong_incident' });
      continue;
    }
    for (const e of entries) {
      const now = hashOf.get(e.id);
      if (now === undefined) removed.add(e.id);
      else if (now !== e.hash) altered.add(e.id);
    }
    good.push({ sealedAt: s.sealed_at, ids: new Set(entries.map((e) => e.id)) });
  }

  const latest = good.reduce<(typeof good)[number] | null>(
    (best, s) =>
      !best ||
      Date.parse(s.sealedAt) > Date.parse(best.sealedAt) ||
      (s.sealedAt === best.sealedAt && s.ids.size > best.ids.size)
        ? s
        : best,
    null,
  );
  const entries = events.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: new Date(e.at).toISOString(),
    state: (altered.has(e.id) ? 'altered' : latest?.ids.has(e.id) ? 'sealed' : 'unsealed') as EntryState,
  }));
  const status: RecordVerdict['status'] = altered.size
    ? 'altered'
    : removed.size
      ? 'removed'
      : badSeals.length
        ? 'bad_seal'
        : !latest && entries.length
          ? 'no_seal'
          : entries.some((e) => e.state === 'unsealed')
            ? 'unsealed'
            : 'ok';
  return {
    status,
    entries,
    removed: [...removed].sort(),
    badSeals,
    sealCount: record.seals.length,
    lastSealedAt: latest ? new Date(latest.sealedAt).toISOString() : null,
  };
}

/** An incident's record from either database (the kiosk's SQLite or the central PostgreSQL), or null. */
export async function readIncidentRecord(
  db: Kysely<SyncedDatabase>,
  siteId: string,
  incidentId: string,
): Promise<IncidentRecord | null> {
  const incident = await db
    .selectFrom('incidents')
    .select([...CHAIN_REPORT_COLUMNS, 'site_id'])
    .where('id', '=', incidentId)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!incident) return null;
  const [events, seals] = await Promise.all([
    db
      .selectFrom('incident_events')
      .select([...CHAIN_EVENT_COLUMNS])
      .where('incident_id', '=', incidentId)
      .where('site_id', '=', siteId)
      .execute(),
    db
      .selectFrom('incident_seals')
      .select([
        'id',
        'incident_id',
        'site_id',
        'device_id',
        'key_id',
        'public_key',
        'head',
        'entries',
        'signature',
        'sealed_at',
      ])
      .where('incident_id', '=', incidentId)
      .where('site_id', '=', siteId)
      .orderBy('sealed_at')
      .orderBy('id')
      .execute(),
  ]);
  return { v: 1, incident, events, seals };
}
