import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { bunkeringFields, correction, noonReportFields, soundingFields } from './log-fields.js';
import { requireVessel } from './vessel-only.js';

type LogTable = 'fuel_bunkerings' | 'fuel_soundings' | 'fuel_noon_reports';

/** A correction must name a reading of the same log at this site. */
async function checkCorrects(ctx: MutationContext, table: LogTable, c: z.infer<typeof correction>) {
  if (!c) return { corrects_id: null, reason: null };
  const found = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', c.id)
    .where('site_id', '=', ctx.siteId)
    .executeTakeFirst();
  if (!found)
    throw new AppError('NOT_FOUND', `The reading to correct (${c.id}) is not in this log at this site.`, {
      issues: [{ path: 'corrects.id', message: 'not found' }],
    });
  return { corrects_id: c.id, reason: c.reason };
}

export const logBunkering = defineMutation({
  name: 'fuel.logBunkering',
  version: 1,
  authority: 'fuel.log',
  args: bunkeringFields.extend({ id: z.uuid(), corrects: correction }).strict(),
  async run(ctx, a) {
    await requireVessel(ctx);
    await ctx.write.insert('fuel_bunkerings', {
      id: a.id,
      site_id: ctx.siteId,
      delivered_at: a.deliveredAt,
      port: a.port,
      supplier: a.supplier,
      fuel_type: a.fuelType,
      quantity_t: a.quantityT,
      density_kg_m3: a.densityKgM3,
      sulphur_pct: a.sulphurPct,
      note_number: a.noteNumber,
      entered_by: ctx.userId,
      ...(await checkCorrects(ctx, 'fuel_bunkerings', a.corrects)),
    });
  },
});

export const logSounding = defineMutation({
  name: 'fuel.logSounding',
  version: 1,
  authority: 'fuel.log',
  args: soundingFields.extend({ id: z.uuid(), corrects: correction }).strict(),
  async run(ctx, a) {
    await requireVessel(ctx);
    await ctx.write.insert('fuel_soundings', {
      id: a.id,
      site_id: ctx.siteId,
      measured_at: a.measuredAt,
      tank: a.tank,
      fuel_type: a.fuelType,
      volume_m3: a.volumeM3,
      density_kg_m3: a.densityKgM3,
      entered_by: ctx.userId,
      ...(await checkCorrects(ctx, 'fuel_soundings', a.corrects)),
    });
  },
});

export const logNoonReport = defineMutation({
  name: 'fuel.logNoonReport',
  version: 1,
  authority: 'fuel.log',
  args: noonReportFields.extend({ id: z.uuid(), corrects: correction }).strict(),
  async run(ctx, a) {
    await requireVessel(ctx);
    await ctx.write.insert('fuel_noon_reports', {
      id: a.id,
      site_id: ctx.siteId,
      report_date: a.reportDate,
      loading: a.loading,
      distance_nm: a.distanceNm,
      hours_steaming: a.hoursSteaming,
      consumption: JSON.stringify(a.consumption),
      entered_by: ctx.userId,
      ...(await checkCorrects(ctx, 'fuel_noon_reports', a.corrects)),
    });
  },
});

/**
 * The readings in force: every row no later row corrects. Insert-only logs keep the whole story;
 * this is the view a report uses.
 *
 * @example inForce(await db.selectFrom('fuel_noon_reports').selectAll().execute())
 */
export function inForce<R extends { id: string; corrects_id: string | null }>(rows: readonly R[]): R[] {
  const corrected = new Set(rows.map((r) => r.corrects_id).filter((id): id is string => id !== null));
  return rows.filter((r) => !corrected.has(r.id));
}
