import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import type { MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { CHAIN_EVENT_COLUMNS, CHAIN_REPORT_COLUMNS, chainOrder, entryHash, sealFault } from './chain.js';
import { requireIncident } from './mutations.js';
import {
  changedRegulatory,
  defaultRegulatory,
  regulatoryColumns,
  regulatoryFields,
  regulatoryOf,
  type Regulatory,
} from './regulatory.js';

/*
 * Kept apart from ./mutations.ts: the seal checks signatures with node:crypto, and the renderer
 * imports ./mutations.ts (through the contract) but never this file.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const regulatoryId = (incidentId: string) => derivedId('incident_regulatory', incidentId);

/**
 * Seals an incident's history as this kiosk holds it (shared/incidents/chain.ts), after each
 * report, move and pause. A device event: the signature is the kiosk's, whoever is signed in. Both
 * sides check that the seal stands on its own and that every entry it lists is an event of this
 * incident with that hash; the server also checks the key is the one it holds for the device, so
 * a seal cannot be made for a kiosk by anyone without its private key.
 */
export const sealIncident = defineMutation({
  name: 'incidents.seal',
  version: 1,
  authority: 'device',
  args: z
    .object({
      id: z.uuid(),
      incidentId: z.uuid(),
      entries: z
        .array(z.object({ id: z.uuid(), hash: hex64 }).strict())
        .min(1)
        .max(2000),
      head: hex64,
      sealedAt: z.iso.datetime({ offset: true }),
      keyId: z.string().regex(/^[0-9a-f]{16}$/),
      publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
      signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
    })
    .strict(),
  async run(ctx, a) {
    await requireIncident(ctx, a.incidentId);
    if (ctx.devicePublicKey !== undefined && ctx.devicePublicKey !== a.publicKey)
      throw new AppError('FORBIDDEN', 'This seal is not signed with the key shore holds for this kiosk.', {
        reason: 'not_device_key',
      });
    const fault = sealFault({ ...a, siteId: ctx.siteId, deviceId: ctx.deviceId });
    if (fault) throw new AppError('FORBIDDEN', 'This seal’s signature does not match its contents.', { reason: fault });
    const [report, rows] = await Promise.all([
      ctx.db
        .selectFrom('incidents')
        .select([...CHAIN_REPORT_COLUMNS])
        .where('id', '=', a.incidentId)
        .executeTakeFirstOrThrow(),
      ctx.db
        .selectFrom('incident_events')
        .select([...CHAIN_EVENT_COLUMNS])
        .where('site_id', '=', ctx.siteId)
        .where(
          'id',
          'in',
          a.entries.map((e) => e.id),
        )
        .execute(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // An entry this database lacks is one refused here (a move the role could no longer make):
    // the seal made on top of it seals nothing true, so it is dropped, not refused a second time.
    // The kiosk's copy goes with the refused move; its next append seals what stands.
    if (a.entries.some((e) => !byId.has(e.id))) return;
    for (const e of a.entries) {
      const row = byId.get(e.id)!;
      if (row.incident_id !== a.incidentId)
        throw new AppError('CONFLICT', `Entry ${e.id} is not in this incident’s history.`, { entryId: e.id });
      if (entryHash(row, row.kind === 'reported' ? report : null) !== e.hash)
        throw new AppError('CONFLICT', `Entry ${e.id} does not match the history held here.`, { entryId: e.id });
    }
    const order = chainOrder(rows).map((r) => r.id);
    if (order.join() !== a.entries.map((e) => e.id).join())
      throw new AppError('CONFLICT', 'The seal lists the entries out of their order.', { reason: 'order' });
    await ctx.write.insert('incident_seals', {
      id: a.id,
      site_id: ctx.siteId,
      incident_id: a.incidentId,
      device_id: ctx.deviceId,
      key_id: a.keyId,
      public_key: a.publicKey,
      head: a.head,
      entries: JSON.stringify(a.entries),
      signature: a.signature,
      sealed_at: new Date(a.sealedAt).toISOString(),
    });
  },
});

/**
 * Sets fields of an incident's regulatory log. Only the fields given are written, and only those
 * that differ: two people editing different fields offline both keep their edit (merged per
 * field, the later edit of one field wins). The first edit creates the row from the defaults.
 */
export const setRegulatory = defineMutation({
  name: 'incidents.setRegulatory',
  version: 1,
  authority: 'incidents.triage',
  args: z
    .object({
      incidentId: z.uuid(),
      changes: regulatoryFields.partial().refine((c) => Object.keys(c).length > 0, 'Change at least one field'),
    })
    .strict(),
  async run(ctx, a) {
    const incident = await requireIncident(ctx, a.incidentId);
    const id = regulatoryId(a.incidentId);
    const row = await ctx.db.selectFrom('incident_regulatory').selectAll().where('id', '=', id).executeTakeFirst();
    let current: Regulatory;
    if (row) current = regulatoryOf(row);
    else {
      const site = await ctx.db.selectFrom('sites').select('kind').where('id', '=', ctx.siteId).executeTakeFirst();
      current = defaultRegulatory(site?.kind ?? 'restaurant', incident.type, incident.severity);
    }
    const next: Regulatory = { ...current, ...a.changes };
    if (next.reportStatus === 'reported' && next.reportReference === '')
      throw new AppError('VALIDATION_FAILED', 'Give the reference the authority gave the report.', {
        issues: [{ path: 'reportReference', message: 'required once reported' }],
        problems: [{ field: 'reportReference', problem: 'required' }],
      });
    const changes = changedRegulatory(current, next);
    if (!row) {
      const inserted = await ctx.write.insertIfAbsent('incident_regulatory', {
        id,
        site_id: ctx.siteId,
        incident_id: a.incidentId,
        ...(regulatoryColumns(next) as Required<ReturnType<typeof regulatoryColumns>>),
      });
      if (inserted) return;
    }
    if (Object.keys(changes).length) await ctx.write.update('incident_regulatory', id, regulatoryColumns(changes));
  },
});

/** Registered in shared/mutations/index.ts next to INCIDENTS_MUTATIONS. */
export const INCIDENT_RECORD_MUTATIONS: readonly MutationDef[] = [
  sealIncident,
  setRegulatory,
] as unknown as readonly MutationDef[];
