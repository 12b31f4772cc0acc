import { z } from 'zod';

/**
 * One reading from the ship's instruments, as decoded from an NMEA 0183 sentence. Every sample
 * keeps two times: `receivedAt`, the kiosk's clock when the sentence arrived, and `sourceTime`,
 * GPS time, which is only ever taken from a valid RMC fix (null when there is none to trust).
 */
const common = {
  /** GPS time (ISO-8601) of the fix this reading belongs to, or null without a trusted fix. */
  sourceTime: z.iso.datetime().nullable(),
  receivedAt: z.iso.datetime(),
  /** NMEA talker (GP, II, ER...), kept to say which sensor a reading came from. */
  talker: z.string().regex(/^[A-Z]{1,2}$/),
};

const knots = z.number().min(0).max(60);
const degrees = z.number().min(0).max(360);
const engine = z.number().int().min(0).max(9);

export const fuelSampleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fix'),
    ...common,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    sogKn: knots,
    cogDeg: degrees,
  }),
  z.object({ kind: z.literal('sog'), ...common, sogKn: knots, cogDeg: degrees }),
  z.object({ kind: z.literal('stw'), ...common, stwKn: knots, headingDeg: degrees }),
  z.object({ kind: z.literal('rpm'), ...common, engine, rpm: z.number().min(-3000).max(3000) }),
  z.object({ kind: z.literal('fuel_rate'), ...common, engine, litresPerHour: z.number().min(0).max(20_000) }),
]);

export type FuelSample = z.infer<typeof fuelSampleSchema>;
export type FuelSampleKind = FuelSample['kind'];

/**
 * Why a sentence was refused; counted per reason so a failing sensor shows on the bridge. A valid
 * sentence this area has no use for (GGA, AIS) is not refused but counted as ignored.
 */
export const REFUSAL_REASONS = ['checksum', 'malformed', 'out_of_range'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
