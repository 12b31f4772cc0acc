import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { HEALTH_CHECKS, HEALTH_LEVELS } from './thresholds.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

export const healthResult = z.object({
  id: z.enum(HEALTH_CHECKS.map((c) => c.id) as [string, ...string[]]),
  unit: z.enum(['bytes', 'count', 'minutes', 'seconds']),
  value: z.number().nullable(),
  level: z.enum(HEALTH_LEVELS),
  warning: z.number(),
  critical: z.number(),
});

/** This kiosk's health with its thresholds, for supervisors. */
export const healthContract = {
  'health.get': method({
    access: 'sync.view',
    input: z.object({}).strict(),
    output: z.object({ worst: z.enum(HEALTH_LEVELS), checks: z.array(healthResult) }),
    // Polled by the home screen: reading it must not keep an idle session awake.
    touchesSession: false,
  }),
} as const;
