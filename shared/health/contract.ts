import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { errorCode, errorPlace } from './mutations.js';
import { RETENTION_KIND_IDS } from './retention.js';
import { HEALTH_CHECKS, HEALTH_LEVELS, HEALTH_UNITS } from './thresholds.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();

export const healthResult = z.object({
  id: z.enum(HEALTH_CHECKS.map((c) => c.id) as [string, ...string[]]),
  subject: z.string().optional(),
  unit: z.enum(HEALTH_UNITS),
  value: z.number().nullable(),
  level: z.enum(HEALTH_LEVELS),
  warning: z.number(),
  critical: z.number(),
  advisory: z.boolean().optional(),
});

export const errorLogEntry = z.object({
  id: z.string(),
  deviceId: z.string(),
  code: errorCode,
  place: errorPlace,
  appVersion: z.string(),
  occurredAt: z.string(),
});

export const retentionSetting = z.object({
  kind: z.enum(RETENTION_KIND_IDS),
  days: z.number().int(),
  defaultDays: z.number().int(),
  minDays: z.number().int(),
  maxDays: z.number().int(),
});

/** This kiosk's health with its thresholds (supervisors), its error log and retention (administrators). */
export const healthContract = {
  'health.get': method({
    access: 'sync.view',
    input: empty,
    output: z.object({ worst: z.enum(HEALTH_LEVELS), checks: z.array(healthResult) }),
    // Polled by the home screen: reading it must not keep an idle session awake.
    touchesSession: false,
  }),
  'health.errors': method({
    access: 'settings.manage',
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        /** The occurredAt|id of the last entry of the previous page. */
        before: z.string().max(120).optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(errorLogEntry), lastHour: z.number().int() }),
  }),
  'health.retention': method({
    access: 'settings.manage',
    input: empty,
    output: z.object({ settings: z.array(retentionSetting) }),
  }),
  'health.setRetention': method({
    access: 'settings.manage',
    input: z
      .object({
        kind: z.enum(RETENTION_KIND_IDS),
        days: z.number({ error: 'Days: give a whole number' }).int('Days: give a whole number'),
      })
      .strict(),
    output: z.object({ settings: z.array(retentionSetting) }),
  }),
} as const;
