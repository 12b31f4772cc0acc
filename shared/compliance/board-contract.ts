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
} as const;
