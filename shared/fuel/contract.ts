import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { investigateArgs } from './anomaly-mutations.js';
import { bunkeringFields, correction, noonReportFields, soundingFields } from './log-fields.js';
import { ANOMALY_KINDS, ANOMALY_STATUSES, FUEL_TYPES } from './schema.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const num = z.number().nullable();

/** The newest reading of one engine's instruments. */
export const engineNow = z.object({ engine: z.number().int(), rpm: num, litresPerHour: num, at: z.string() });

/** A tank as last sounded (the sounding in force). */
export const tankNow = z.object({
  tank: z.string(),
  fuelType: z.enum(FUEL_TYPES),
  volumeM3: z.number(),
  measuredAt: z.string(),
});

/** One raw reading for the live chart, in arrival order (`seq`). */
export const livePoint = z.object({
  seq: z.number().int(),
  kind: z.enum(['sog', 'stw', 'rpm', 'fuel_rate']),
  engine: z.number().int().nullable(),
  value: z.number(),
  /** GPS time when trusted, else the kiosk's clock. */
  at: z.string(),
});

export const seriesMinute = z.object({
  minute: z.string(),
  engine: z.number().int(),
  fuelLph: num,
  rpm: num,
  sogKn: num,
  stwKn: num,
});

export const anomalyOut = z.object({
  id: z.uuid(),
  kind: z.enum(ANOMALY_KINDS),
  sensor: z.string(),
  engine: z.number().int().nullable(),
  expected: z.number(),
  seen: z.number(),
  unit: z.string(),
  differencePct: z.number().nullable(),
  since: z.string(),
  detectedAt: z.string(),
  minutes: z.number().int(),
  why: z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('cusum'), slackPct: z.number(), limitPct: z.number() }),
    z.object({ rule: z.literal('ewma'), limitPct: z.number(), hours: z.number() }),
    z.object({ rule: z.literal('share'), gapPct: z.number(), minutes: z.number() }),
    z.object({ rule: z.literal('stuck'), minutes: z.number() }),
  ]),
  status: z.enum(ANOMALY_STATUSES),
  rootCause: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The corrective action raised from it, if any. */
  action: z.object({ id: z.uuid(), title: z.string(), dueDate: z.string(), status: z.string() }).nullable(),
});

const logEntry = z.discriminatedUnion('log', [
  z.object({ log: z.literal('bunkering'), fields: bunkeringFields, corrects: correction.default(null) }).strict(),
  z.object({ log: z.literal('sounding'), fields: soundingFields, corrects: correction.default(null) }).strict(),
  z.object({ log: z.literal('noon'), fields: noonReportFields, corrects: correction.default(null) }).strict(),
]);

export const logRecord = z.object({
  id: z.uuid(),
  log: z.enum(['bunkering', 'sounding', 'noon']),
  at: z.string(),
  /** One line a person reads: "Rotterdam · MGO 182.5 t", "Tank 3P · 412.0 m³", "312 nm · 24 h". */
  summary: z.string(),
  corrects: z.uuid().nullable(),
  inForce: z.boolean(),
});

export const fuelContract = {
  /** The bridge view: the newest reading of each engine, speeds, tanks, and raw points after `afterSeq`. */
  'fuel.live': method({
    access: 'fuel.log',
    input: z.object({ afterSeq: z.number().int().min(0).default(0) }).strict(),
    output: z.object({
      engines: z.array(engineNow),
      sogKn: num,
      stwKn: num,
      tanks: z.array(tankNow),
      points: z.array(livePoint),
      lastSeq: z.number().int(),
    }),
    // Polled while the bridge view is open: must not keep an unattended screen from locking.
    touchesSession: false,
  }),
  /** Minute summaries of the last `hours` (24 by default) up to the newest, per engine. */
  'fuel.series': method({
    access: 'fuel.log',
    input: z.object({ hours: z.number().int().min(1).max(24).default(24) }).strict(),
    output: z.array(seriesMinute),
    touchesSession: false,
  }),
  /** A bunkering, a tank sounding or a noon report, by hand; a correction names what it corrects. */
  'fuel.log': method({ access: 'fuel.log', input: logEntry, output: z.object({ id: z.uuid() }) }),
  /** The newest log entries (40 of each log at most), newest first. */
  'fuel.logs': method({ access: 'fuel.log', input: empty, output: z.array(logRecord), touchesSession: false }),
  'fuel.anomalies': method({
    access: 'fuel.log',
    input: z.object({ status: z.array(z.enum(ANOMALY_STATUSES)).max(4).optional() }).strict(),
    output: z.array(anomalyOut),
    touchesSession: false,
  }),
  'fuel.investigate': method({
    access: 'fuel.investigate',
    input: investigateArgs.omit({ action: true }).extend({
      action: z
        .object({
          title: z.string().trim().min(1, 'Say what must be done').max(300),
          dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD'),
        })
        .strict()
        .nullable()
        .default(null),
    }),
    output: z.object({ actionId: z.uuid().nullable() }),
  }),
} as const;
