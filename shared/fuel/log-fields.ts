import { z } from 'zod';
import { CONSUMERS, FUEL_TYPES } from './schema.js';

/**
 * What a person enters in the fuel logs, checked the same way by hand, by CSV import and on the
 * server. Ranges are those of a real ship, so a slipped decimal ("9100" for a density of 910.0)
 * is refused with the field named rather than booked.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

export const bunkeringFields = z
  .object({
    deliveredAt: z.iso.datetime(),
    port: text(80),
    supplier: text(120),
    fuelType: z.enum(FUEL_TYPES),
    quantityT: z.number().positive().max(20_000),
    densityKgM3: z.number().min(400).max(1_100),
    sulphurPct: z.number().min(0).max(3.5),
    noteNumber: text(60),
  })
  .strict();

export const soundingFields = z
  .object({
    measuredAt: z.iso.datetime(),
    tank: text(40),
    fuelType: z.enum(FUEL_TYPES),
    volumeM3: z.number().min(0).max(20_000),
    densityKgM3: z.number().min(400).max(1_100),
  })
  .strict();

export const consumptionLine = z
  .object({ fuelType: z.enum(FUEL_TYPES), consumer: z.enum(CONSUMERS), tonnes: z.number().min(0).max(500) })
  .strict();

export const noonReportFields = z
  .object({
    reportDate: isoDate,
    loading: z.enum(['laden', 'ballast']),
    distanceNm: z.number().min(0).max(800),
    // A ship's day is 23 or 25 hours when she changes time zone.
    hoursSteaming: z.number().min(0).max(25),
    consumption: z
      .array(consumptionLine)
      .max(21)
      .refine(
        (lines) => new Set(lines.map((l) => `${l.fuelType}/${l.consumer}`)).size === lines.length,
        'Each fuel type and consumer once',
      ),
  })
  .strict();

/** A correction names the reading it corrects and says why; the reading itself stays. */
export const correction = z
  .object({ id: z.uuid(), reason: text(300) })
  .strict()
  .nullable();

export type BunkeringFields = z.infer<typeof bunkeringFields>;
export type SoundingFields = z.infer<typeof soundingFields>;
export type NoonReportFields = z.infer<typeof noonReportFields>;
