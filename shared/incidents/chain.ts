import { createHash, createPrivateKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../compliance/content-hash.js';
import { keyIdOf, publicKeyFromRaw, type SigningKey } from '../training/certificate-signing.js';
import type { IncidentEventRow, IncidentRow } from './schema.js';

/**
 * Tamper evidence of an incident's history (issue 12 §9).
 *
 * Each event is hashed from its stable fields (SHA-256 of canonical JSON); the "reported" event
 * also covers what the reporter wrote, so an edited description shows as that entry altered. The
 * entries are chained in (time, id) order: head = H(H(... H(start, e1) ...), en). A seal lists the
 * entries it saw with their hashes and the head over them, signed with the writing kiosk's Ed25519
 * device key. A seal is never compared with "the" chain of today: two kiosks appending offline
 * each seal what they saw, and the verifier checks every entry against every seal that lists it.
 */

/** The columns of an event that never change once written (timestamps the writer stamps are left out). */
export type ChainEvent = Pick<
  IncidentEventRow,
  'id' | 'site_id' | 'incident_id' | 'kind' | 'from_stage' | 'to_stage' | 'reason' | 'user_id' | 'device_id' | 'at'
>;

/** What the reporter wrote: covered by the "reported" entry. */
export type ChainReport = Pick<
  IncidentRow,
  | 'id'
  | 'type'
  | 'severity'
  | 'place_id'
  | 'occurred_at'
  | 'what_happened'
  | 'people_involved'
  | 'immediate_actions'
  | 'reporter_id'
  | 'confidential'
>;

export const CHAIN_EVENT_COLUMNS = [
  'id',
  'site_id',
  'incident_id',
  'kind',
  'from_stage',
  'to_stage',
  'reason',
  'user_id',
  'device_id',
  'at',
] as const;
export const CHAIN_REPORT_COLUMNS = [
  'id',
  'type',
  'severity',
  'place_id',
  'occurred_at',
  'what_happened',
  'people_involved',
  'immediate_actions',
  'reporter_id',
  'confidential',
] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Both databases give ISO strings, but SQLite keeps what was written: read each instant the same way. */
const instant = (v: string) => new Date(v).toISOString();

/**
 * The hash of one entry (hex), the same on the kiosk's SQLite and on PostgreSQL.
 *
 * @example entryHash(event, event.kind === 'reported' ? incident : null)
 */
export function entryHash(e: ChainEvent, report: ChainReport | null): string {
  const content: Record<string, unknown> = {
    v: 1,
    id: e.id,
    site: e.site_id,
    incident: e.incident_id,
    kind: e.kind,
    from: e.from_stage,
    to: e.to_stage,
    reason: e.reason,
    user: e.user_id,
    device: e.device_id,
    at: instant(e.at),
  };
  if (e.kind === 'reported' && report)
    content.report = {
      type: report.type,
      severity: report.severity,
      place: report.place_id,
      occurredAt: instant(report.occurred_at),
      what: report.what_happened,
      people: report.people_involved,
      actions: report.immediate_actions,
      reporter: report.reporter_id,
      confidential: Number(report.confidential),
    };
  return sha256(canonicalJson(content));
}

/** Events in chain order: by time, then id (two kiosks can stamp the same millisecond). */
export function chainOrder<T extends Pick<ChainEvent, 'id' | 'at'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The head of a chain of entry hashes, in the order given. */
export function chainHead(incidentId: string, hashes: readonly string[]): string {
  let head = sha256(`shiftdeck-incident-chain-v1|${incidentId}`);
  for (const h of hashes) head = sha256(`${head}|${h}`);
  return head;
}

export interface SealEntry {
  id: string;
  hash: string;
}

/** What a seal signs. */
export interface SealBody {
  incidentId: string;
  siteId: string;
  deviceId: string;
  entries: readonly SealEntry[];
  head: string;
  sealedAt: string;
}

export const sealMessage = (b: SealBody): string =>
  canonicalJson({
    v: 1,
    incident: b.incidentId,
    site: b.siteId,
    device: b.deviceId,
    entries: b.entries.map((e) => [e.id, e.hash]),
    head: b.head,
    at: instant(b.sealedAt),
  });

/** The seal of an incident's history as this kiosk holds it now. */
export function makeSeal(
  input: { incidentId: string; siteId: string; deviceId: string; sealedAt: string },
  events: readonly ChainEvent[],
  report: ChainReport | null,
  key: SigningKey,
): SealBody & { keyId: string; publicKey: string; signature: string } {
  const entries = chainOrder(events).map((e) => ({ id: e.id, hash: entryHash(e, report) }));
  const body: SealBody = {
    ...input,
    entries,
    head: chainHead(
      input.incidentId,
      entries.map((e) => e.hash),
    ),
  };
  const signature = sign(null, Buffer.from(sealMessage(body)), createPrivateKey(key.privateKeyPem)).toString(
    'base64url',
  );
  return { ...body, keyId: key.keyId, publicKey: key.publicKey, signature };
}

/**
 * Why a seal cannot stand on its own (before any entry is looked at), or null when it can: its key
 * id must be its key's, its head the chain of its entries, and its signature good.
 */
export function sealFault(
  s: SealBody & { keyId: string; publicKey: string; signature: string },
): null | 'key_mismatch' | 'head_mismatch' | 'bad_signature' {
  if (keyIdOf(s.publicKey) !== s.keyId) return 'key_mismatch';
  if (
    chainHead(
      s.incidentId,
      s.entries.map((e) => e.hash),
    ) !== s.head
  )
    return 'head_mismatch';
  try {
    const good = verify(
      null,
      Buffer.from(sealMessage(s)),
      publicKeyFromRaw(s.publicKey),
      Buffer.from(s.signature, 'base64url'),
    );
    return good ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}
