import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { complianceActionsContract } from './action-contract.js';
import { answerValue } from './answer.js';
import { complianceBoardContract } from './board-contract.js';
import { APPROVAL_STEP_NAMES, type ApprovalStep } from './approval-steps.js';
import { SCHEDULE_FREQUENCIES } from './schedule.js';
import { REPORT_TYPES, SCORING_METHODS, templateContent } from './template.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const l10n = z.object({ en: z.string(), fr: z.string() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD');
const reportStatus = z.enum(['draft', 'submitted', 'reviewed', 'approved', 'returned', 'countersigned']);
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');

export const templateSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  reportType: z.enum(REPORT_TYPES),
  method: z.enum(SCORING_METHODS),
  title: l10n,
  contentHash: z.string(),
});

export const reportSummary = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  title: l10n,
  status: reportStatus,
  period: z.string().nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  passed: z.boolean().nullable(),
  startedBy: z.string(),
  updatedAt: z.string(),
});

export const dueItem = z.object({
  scheduleId: z.uuid(),
  templateId: z.uuid().nullable(),
  templateCode: z.string(),
  title: l10n,
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  roleCode: z.string(),
  period: z.string(),
  dueAt: z.string(),
  status: z.enum(['due', 'late', 'missed']),
  /** The report already started for this period, if any. */
  reportId: z.uuid().nullable(),
});

const scoreOut = z.object({
  score: z.number(),
  maxScore: z.number(),
  passed: z.boolean(),
  sections: z.array(z.object({ id: z.string(), score: z.number().nullable(), passed: z.boolean() })),
  failedCritical: z.array(z.string()),
  items: z.record(z.string(), z.enum(['pass', 'fail', 'na', 'unanswered', 'unscored'])),
});

export const complianceContract = {
  'compliance.templates': method({
    access: 'compliance.fill',
    input: empty,
    output: z.array(templateSummary),
  }),
  /** Due, late and missed reports of the schedules of the signed-in person's role (or all, `allRoles`). */
  'compliance.due': method({
    access: 'compliance.fill',
    input: z.object({ allRoles: z.boolean().default(false) }).strict(),
    output: z.array(dueItem),
    // Read on the home screen and on every synced change: must not keep an idle session awake.
    touchesSession: false,
  }),
  'compliance.reports': method({
    access: 'compliance.fill',
    input: z.object({ status: z.array(reportStatus).max(6).optional() }).strict(),
    output: z.array(reportSummary),
    touchesSession: false,
  }),
  'compliance.start': method({
    access: 'compliance.fill',
    input: z
      .object({
        templateId: z.uuid(),
        scheduleId: z.uuid().nullable().default(null),
        period: isoDate.nullable().default(null),
      })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'compliance.report': method({
    access: 'compliance.fill',
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({
      report: reportSummary,
      template: templateSummary.extend({ content: templateContent }),
      answers: z.record(z.string(), answerValue),
      /** The live score: the same pure function the mutators store on submit. */
      score: scoreOut,
      /** Items two kiosks changed without seeing each other's change: both values, newest first. */
      conflicts: z.array(
        z.object({
          itemId: z.string(),
          values: z.array(
            z.object({ value: answerValue, userName: z.string().nullable(), deviceId: z.string(), at: z.string() }),
          ),
        }),
      ),
      approvals: z.array(
        z.object({
          step: z.enum(APPROVAL_STEP_NAMES as [ApprovalStep, ...ApprovalStep[]]),
          userName: z.string().nullable(),
          roleCode: z.string(),
          comment: z.string().nullable(),
          score: z.number().nullable(),
          at: z.string(),
        }),
      ),
      /** Steps the signed-in person could take now. */
      nextSteps: z.array(z.enum(APPROVAL_STEP_NAMES as [ApprovalStep, ...ApprovalStep[]])),
    }),
  }),
  'compliance.answer': method({
    access: 'compliance.fill',
    input: z
      .object({
        reportId: z.uuid(),
        itemId: z.string().min(1).max(40),
        value: answerValue,
        reason: z.string().trim().max(500).nullable().default(null),
      })
      .strict(),
    output: okOut,
  }),
  /** One approval step, signed with the person's PIN (checked here, offline, like an unlock). */
  'compliance.sign': method({
    access: 'compliance.fill',
    input: z
      .object({
        reportId: z.uuid(),
        step: z.enum(APPROVAL_STEP_NAMES as [ApprovalStep, ...ApprovalStep[]]),
        pin,
        comment: z.string().trim().max(2000).nullable().default(null),
      })
      .strict(),
    output: okOut,
  }),
  'compliance.setSchedule': method({
    access: 'compliance.approve',
    input: z
      .object({
        templateCode: z.string().regex(/^[A-Z0-9_]{2,60}$/, 'A template code is capitals, digits and underscores'),
        frequency: z.enum(SCHEDULE_FREQUENCIES),
        roleCode: z.string().regex(/^[a-z_]{2,40}$/, 'A role code is lower-case letters and underscores'),
        startsOn: isoDate,
        dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM'),
      })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  ...complianceActionsContract,
  ...complianceBoardContract,
} as const;
