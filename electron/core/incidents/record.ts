import { newId } from '../../../shared/ids.js';
import { makeSeal } from '../../../shared/incidents/chain.js';
import { sealIncident } from '../../../shared/incidents/record-mutations.js';
import { checkRecord, readIncidentRecord, type RecordVerdict } from '../../../shared/incidents/record-check.js';
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
    /** The record check of one incident, or null when the site holds no such incident. */
    async verify(siteId: string, incidentId: string): Promise<RecordVerdict | null> {
      const record = await readIncidentRecord(db, siteId, incidentId);
      if (!record) return null;
      return checkRecord(record, await kioskKeys(db));
    },
  };
}

/** Key id -> public key of the organisation's kiosks this database holds (revoked keys left out). */
export async function kioskKeys(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('training_signing_keys')
    .select(['key_id', 'public_key'])
    .where('revoked_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.key_id, r.public_key]));
}
