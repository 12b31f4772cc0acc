import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import { isIsoDate } from '../classes/site-time.js';
import { defineMutation } from '../mutations/define.js';
import { ANOMALY_KINDS, type AnomalyStatus } from './schema.js';
import { requireVessel } from './vessel-only.js';

/**
 * The id of one anomaly episode: the same rule on the same sensor from the same minute. Two
 * kiosks that both run the detector on the same synced minutes raise one row, not two.
 */
export const fuelAnomalyId = (siteId: string, kind: string, sensor: string, since: string) =>
  derivedId('fuel_anomaly', siteId, kind, sensor, since);

const minute = z.iso.datetime();

/** A finding of the detector (shared/fuel/anomalies.ts), recorded by the device on its own. */
export const raiseAnomaly = defineMutation({
  name: 'fuel.anomaly.raise',
  version: 1,
  authority: 'device',
  args: z
    .object({
      kind: z.enum(ANOMALY_KINDS),
      sensor: z.string().regex(/^[a-z_]{2,20}(#\d)?$/, 'A sensor reads like fuel_rate or fuel_rate#2'),
      engine: z.number().int().min(0).max(9).nullable(),
      expected: z.number().min(0).max(1e6),
      seen: z.number().min(0).max(1e6),
      unit: z.string().min(1).max(10),
      since: minute,
      detectedAt: minute,
    })
    .strict(),
  async run(ctx, a) {
    await requireVessel(ctx);
    await ctx.write.insertIfAbsent('fuel_anomalies', {
      id: fuelAnomalyId(ctx.siteId, a.kind, a.sensor, a.since),
      site_id: ctx.siteId,
      kind: a.kind,
      sensor: a.sensor,
      engine: a.engine,
      expected: a.expected,
      seen: a.seen,
      unit: a.unit,
      since: a.since,
      detected_at: a.detectedAt,
      status: 'open',
      root_cause: null,
      resolution: null,
      action: null,
    });
  },
});

/** Where an anomaly may go from each status: forward only, as on the bridge's paper log. */
const NEXT: Record<AnomalyStatus, readonly AnomalyStatus[]> = {
  open: ['investigating', 'resolved', 'dismissed'],
  investigating: ['investigating', 'resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
};

const text = (max: number) => z.string().trim().max(max);

export const investigateArgs = z
  .object({
    id: z.uuid(),
    status: z.enum(['investigating', 'resolved', 'dismissed']),
    rootCause: text(500).nullable(),
    resolution: text(500).nullable(),
    /** A corrective action raised from the anomaly (the compliance `actions` table), or none. */
    action: z
      .object({
        id: z.uuid(),
        title: text(300).min(1, 'Say what must be done'),
        dueDate: z.string().refine(isIsoDate, 'Expected a date written YYYY-MM-DD'),
        ownerId: z.uuid().nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();

/**
 * An officer's investigation of an anomaly: its status moves forward, a root cause and a
 * resolution are written, and a corrective action can be raised, whose source is the anomaly.
 * Closing one (resolved) needs the root cause and the resolution, so the record says why.
 */
export const investigateAnomaly = defineMutation({
  name: 'fuel.anomaly.investigate',
  version: 1,
  authority: 'fuel.investigate',
  args: investigateArgs,
  async run(ctx, a) {
    await requireVessel(ctx);
    const row = await ctx.db
      .selectFrom('fuel_anomalies')
      .select(['status', 'action', 'root_cause', 'resolution'])
      .where('id', '=', a.id)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That fuel anomaly is not on this vessel.', { field: 'id' });
    if (!NEXT[row.status].includes(a.status))
      throw new AppError('CONFLICT', `This anomaly is already ${row.status}; it cannot become ${a.status}.`, {
        field: 'status',
      });
    const rootCause = a.rootCause || row.root_cause;
    const resolution = a.resolution || row.resolution;
    if (a.status === 'resolved' && (!rootCause || !resolution))
      throw new AppError('VALIDATION_FAILED', 'To resolve an anomaly, give its root cause and what was done.', {
        issues: [{ path: rootCause ? 'resolution' : 'rootCause', message: 'required to resolve' }],
      });
    if (a.action && row.action)
      throw new AppError('CONFLICT', 'This anomaly already has a corrective action.', { field: 'action' });
    if (a.action)
      await ctx.write.insert('actions', {
        id: a.action.id,
        site_id: ctx.siteId,
        source_kind: 'fuel_anomaly',
        source_id: a.id,
        kind: 'corrective',
        title: a.action.title,
        owner_id: a.action.ownerId,
        owner_role: null,
        source_item: null,
        due_date: a.action.dueDate,
        status: 'open',
        created_by: ctx.userId,
        deleted_at: null,
      });
    await ctx.write.update('fuel_anomalies', a.id, {
      status: a.status,
      root_cause: rootCause ?? null,
      resolution: resolution ?? null,
      ...(a.action ? { action: a.action.id } : {}),
    });
  },
});
