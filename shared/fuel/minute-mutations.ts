import { z } from 'zod';
import { derivedId } from '../ids.js';
import { defineMutation } from '../mutations/define.js';
import { requireVessel } from './vessel-only.js';

const nullableNumber = (min: number, max: number) => z.number().min(min).max(max).nullable();

export const minuteSummarySchema = z
  .object({
    minute: z.iso.datetime().refine((v) => v.endsWith(':00.000Z'), 'Expected the start of a minute'),
    engine: z.number().int().min(0).max(9),
    samples: z.number().int().min(1).max(10_000),
    rpm: nullableNumber(-3000, 3000),
    fuel_lph: nullableNumber(0, 20_000),
    fuel_l: nullableNumber(0, 400),
    sog_kn: nullableNumber(0, 60),
    stw_kn: nullableNumber(0, 60),
    distance_nm: nullableNumber(0, 1),
    gps_time: z.union([z.literal(0), z.literal(1)]),
  })
  .strict();

/** The id of an engine's minute: recomputing a minute (after a restart) writes the same row. */
export const fuelMinuteId = (siteId: string, engine: number, minute: string) =>
  derivedId('fuel_minute', siteId, String(engine), minute);

/**
 * Records closed minutes of the instrument feed. The device writes them on its own (no person
 * acts), in the normal lane; the raw samples behind them stay on board.
 */
export const recordMinutes = defineMutation({
  name: 'fuel.recordMinutes',
  audit: 'none',
  version: 1,
  authority: 'device',
  args: z.object({ rows: z.array(minuteSummarySchema).min(1).max(120) }).strict(),
  async run(ctx, a) {
    await requireVessel(ctx);
    for (const r of a.rows)
      await ctx.write.insertIfAbsent('fuel_minutes', {
        id: fuelMinuteId(ctx.siteId, r.engine, r.minute),
        site_id: ctx.siteId,
        ...r,
      });
  },
});
