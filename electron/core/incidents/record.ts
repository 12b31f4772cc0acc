import { newId } from '../../../shared/ids.js';
import { makeSeal } from '../../../shared/incidents/chain.js';
import { sealIncident } from '../../../shared/incidents/record-mutations.js';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { readPdfAttachments } from '../../../shared/exports/pdf-attachments.js';
import {
  checkRecord,
  readIncidentRecord,
  type IncidentRecord,
  type RecordVerdict,
} from '../../../shared/incidents/record-check.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { deviceSigningKey } from '../training/signing-key.js';
import type { Db } from './queries.js';

/**
 * The kiosk's side of an incident's tamper evidence (shared/incidents/chain.ts): sealing the
 * history it holds with its device key, and checking a record against the keys of the site's
 * kiosks (the synced list the certificates use too).
 */
export function createIncidentRecord(deps: HandlerDeps) {
  const db = deps.store.db as unknown as Db;
  return {
    /** Seals the incident's history as this kiosk holds it now: after each report, move and pause. */
    async seal(siteId: string, incidentId: string): Promise<void> {
      const record = await readIncidentRecord(db, siteId, incidentId);
      if (!record || !record.events.length) return;
      const key = await deviceSigningKey(deps.store, deps.runner);
      const seal = makeSeal(
        { incidentId, siteId, deviceId: deps.deviceId, sealedAt: new Date(deps.clock.now()).toISOString() },
        record.events,
        record.incident,
        key,
      );
      await deps.runner.run(
        sealIncident,
        {
          id: newId(),
          incidentId,
          entries: seal.entries.map((e) => ({ id: e.id, hash: e.hash })),
          head: seal.head,
          sealedAt: seal.sealedAt,
          keyId: seal.keyId,
          publicKey: seal.publicKey,
          signature: seal.signature,
        },
        { userId: null, permissions: [] },
      );
    },
    /**
     * A record brought on a file (the report's PDF, which carries it as `incident-record.json`,
     * or that JSON itself), checked against the keys of the kiosks this database holds.
     */
    async checkFile(base64: string) {
      const bytes = Buffer.from(base64, 'base64');
      const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
      let text: string;
      if (isPdf) {
        const files = await readPdfAttachments(bytes).catch(() => {
          throw fileRefused('This PDF cannot be read. Open the incident report PDF as it was exported.');
        });
        const found = files.find((f) => f.name === RECORD_FILE_NAME);
        if (!found)
          throw fileRefused(
            'This PDF carries no incident record: it is not an incident report exported by Shiftdeck, or it was printed again.',
          );
        text = Buffer.from(found.bytes).toString('utf8');
      } else text = bytes.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw fileRefused('This file is neither an incident report PDF nor an incident record (JSON).');
      }
      const shape = recordFileShape.safeParse(json);
      if (!shape.success)
        throw fileRefused('This file is not an incident record: it lacks the report, its history or its seals.');
      const fileRecord = json as IncidentRecord;
      let verdict: RecordVerdict;
      try {
        verdict = checkRecord(fileRecord, await kioskKeys(db));
      } catch {
        throw fileRefused('This incident record is damaged and cannot be checked.');
      }
      const report = fileRecord.incident as unknown as { id: string; what_happened?: unknown; occurred_at?: unknown };
      return {
        ...verdict,
        incidentId: String(report.id),
        summary: typeof report.what_happened === 'string' ? report.what_happened.slice(0, 200) : '',
        occurredAt: typeof report.occurred_at === 'string' ? report.occurred_at : null,
        source: isPdf ? ('pdf' as const) : ('json' as const),
      };
    },
    /** The record check of one incident, or null when the site holds no such incident. */
    async verify(siteId: string, incidentId: string): Promise<RecordVerdict | null> {
      const record = await readIncidentRecord(db, siteId, incidentId);
      if (!record) return null;
      return checkRecord(record, await kioskKeys(db));
    },
  };
}

/** The name the incident report PDF carries its record under (a file `pdfdetach` lists). */
export const RECORD_FILE_NAME = 'incident-record.json';

/** The least an incident record must hold to be checked; checkRecord reads the rest. */
const recordFileShape = z.object({
  v: z.literal(1),
  incident: z.object({ id: z.string() }).loose(),
  events: z.array(z.object({ id: z.string(), kind: z.string() }).loose()),
  seals: z.array(z.object({ id: z.string() }).loose()),
});

const fileRefused = (message: string) =>
  new AppError('VALIDATION_FAILED', message, { field: 'file', issues: [{ path: 'file', message }] });

/** Key id -> public key of the organisation's kiosks this database holds (revoked keys left out). */
export async function kioskKeys(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('training_signing_keys')
    .select(['key_id', 'public_key'])
    .where('revoked_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.key_id, r.public_key]));
}
