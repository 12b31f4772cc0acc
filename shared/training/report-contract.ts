import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { GRANULARITIES } from './trends.js';

/**
 * API methods of training engagement, trends and the period report (merged into trainingContract):
 * the numbers the analytics screen charts, and the same numbers as a PDF or XLSX file.
 */
const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const l10n = z.object({ en: z.string(), fr: z.string() });
const isoDate = (field: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${field} is a date written YYYY-MM-DD`);

/** Without `from` and `to`, the default period of the granularity ending with the site's today. */
export const reportPeriodInput = z
  .object({ granularity: z.enum(GRANULARITIES), from: isoDate('from').optional(), to: isoDate('to').optional() })
  .strict();

export const trainingReportData = z.object({
  site: z.object({ name: z.string(), timeZone: z.string() }),
  period: z.object({ from: z.string(), to: z.string(), granularity: z.enum(GRANULARITIES) }),
  totals: z.object({
    attempts: z.number().int(),
    completions: z.number().int(),
    passRate: z.number(),
    meanScore: z.number().nullable(),
    certificatesIssued: z.number().int(),
    certificatesExpiring: z.number().int(),
  }),
  trend: z.array(
    z.object({
      bucket: z.string(),
      attempts: z.number().int(),
      completions: z.number().int(),
      meanScore: z.number().nullable(),
    }),
  ),
  modules: z.array(
    z.object({
      code: z.string(),
      title: l10n,
      attempts: z.number().int(),
      completions: z.number().int(),
      meanScore: z.number().nullable(),
      started: z.number().int(),
      stoppedAtAssessment: z.number().int(),
    }),
  ),
  sections: z.array(
    z.object({
      sectionId: z.uuid(),
      moduleCode: z.string(),
      position: z.number().int(),
      title: l10n,
      learners: z.number().int(),
      meanSeconds: z.number().nullable(),
      medianSeconds: z.number().nullable(),
      stoppedHere: z.number().int(),
    }),
  ),
  mostMissed: z.array(
    z.object({
      questionId: z.uuid(),
      prompt: l10n,
      moduleCode: z.string(),
      answered: z.number().int(),
      missed: z.number().int(),
      missRate: z.number(),
    }),
  ),
  certificates: z.array(
    z.object({
      number: z.string(),
      holder: z.string(),
      moduleCode: z.string(),
      issuedAt: z.string(),
      expiresAt: z.string().nullable(),
      /** Issued in the period, or expiring in it (not revoked). */
      event: z.enum(['issued', 'expiring']),
    }),
  ),
});
export type TrainingReportData = z.infer<typeof trainingReportData>;

export const reportContract = {
  'training.report': method({
    access: 'analytics.team',
    // Reloaded on every data.changed: reading it must not keep an idle session awake.
    touchesSession: false,
    input: reportPeriodInput,
    output: trainingReportData,
  }),
  'training.exportReport': method({
    access: 'analytics.team',
    input: reportPeriodInput.extend({ format: z.enum(['pdf', 'xlsx']), locale: z.enum(['en', 'fr']) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  }),
} as const;
