import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { SCHEDULE_FREQUENCIES } from './schedule.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const l10n = z.object({ en: z.string(), fr: z.string() });

export const boardEntry = z.object({
  scheduleId: z.uuid(),
  templateId: z.uuid().nullable(),
  title: l10n,
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  roleCode: z.string(),
  period: z.string(),
  /** The site date and the instant it is due. */
  dueOn: z.string(),
  dueAt: z.string(),
  status: z.enum(['done', 'due', 'late', 'missed']),
  bucket: z.enum(['today', 'week', 'later', 'missed']),
  reportId: z.uuid().nullable(),
});

/** The site's compliance schedule at a glance: every role's, for supervisors and fillers alike. */
export const complianceBoardContract = {
  'compliance.schedule': method({
    access: 'compliance.fill',
    input: z.object({}).strict(),
    output: z.object({ today: z.string(), entries: z.array(boardEntry) }),
    touchesSession: false,
  }),
  /** Completion and score trends per template over weeks, open actions by age (supervisors). */
  'compliance.dashboard': method({
    access: 'compliance.approve',
    input: z.object({ weeks: z.number().int().min(2).max(26).default(8) }).strict(),
    output: z.object({
      weeks: z.array(z.string()),
      templates: z.array(
        z.object({
          code: z.string(),
          title: l10n,
          completion: z.array(z.number().nullable()),
          score: z.array(z.number().nullable()),
        }),
      ),
      openActionsByAge: z.object({ '0-7': z.number().int(), '8-30': z.number().int(), '31+': z.number().int() }),
    }),
    touchesSession: false,
  }),
  /** One report as CSV, carrying its template version, content hash and answers' hash. */
  'compliance.exportCsv': method({
    access: 'compliance.fill',
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({ filename: z.string(), mime: z.literal('text/csv'), content: z.string() }),
  }),
} as const;
