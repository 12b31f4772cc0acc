import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { moveAction, raiseCorrectiveActions, roleAtSite } from './action-mutations.js';
import { answerProblem, answerValue } from './answer.js';
import { APPROVAL_STEP_NAMES, APPROVAL_STEPS, FILLABLE, stepRefusal } from './approval-steps.js';
import { answersHash, answersOf, parseContent, submitProblems } from './report-rules.js';
import { SCHEDULE_FREQUENCIES } from './schedule.js';
import { scoreReport } from './scoring.js';
import { templateItems } from './template.js';

export const answerId = (reportId: string, itemId: string) => derivedId('compliance_answer', reportId, itemId);
/** A scheduled report's id comes from (schedule, period): two kiosks starting the same one share it. */
export const scheduledReportId = (scheduleId: string, period: string) =>
  derivedId('compliance_report', scheduleId, period);

const requireUser = (ctx: MutationContext) => {
  if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
  return ctx.userId;
};

async function reportAt(ctx: MutationContext, reportId: string) {
  const r = await ctx.db
    .selectFrom('compliance_reports')
    .selectAll()
    .where('id', '=', reportId)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'That compliance report does not exist here.', { reportId });
  return r;
}

async function pinnedContent(ctx: MutationContext, templateId: string) {
  const t = await ctx.db
    .selectFrom('compliance_templates')
    .select(['content', 'site_id'])
    .where('id', '=', templateId)
    .executeTakeFirstOrThrow();
  return parseContent(t.content);
}

export const startReport = defineMutation({
  name: 'compliance.startReport',
  version: 1,
  authority: 'compliance.fill',
  args: z
    .object({
      reportId: z.uuid(),
      templateId: z.uuid(),
      scheduleId: z.uuid().nullable(),
      period: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
    })
    .strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const t = await ctx.db
      .selectFrom('compliance_templates')
      .selectAll()
      .where('id', '=', a.templateId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!t || (t.site_id !== null && t.site_id !== ctx.siteId))
      throw new AppError('NOT_FOUND', 'That compliance template does not exist here.', { templateId: a.templateId });
    if (t.status !== 'published')
      throw new AppError('CONFLICT', 'Only a published template can be filled in.', { templateId: a.templateId });
    if ((a.scheduleId === null) !== (a.period === null))
      throw new AppError('VALIDATION_FAILED', 'A scheduled report needs both its schedule and its period.');
    if (a.scheduleId && a.period && a.reportId !== scheduledReportId(a.scheduleId, a.period))
      throw new AppError('VALIDATION_FAILED', 'A scheduled report takes the id of its schedule and period.');
    // insertIfAbsent: two kiosks starting the same due report offline end with one report.
    await ctx.write.insertIfAbsent('compliance_reports', {
      id: a.reportId,
      site_id: ctx.siteId,
      template_id: t.id,
      template_code: t.code,
      template_version: t.version,
      schedule_id: a.scheduleId,
      period: a.period,
      status: 'draft',
      started_by: userId,
      score: null,
      max_score: null,
      passed: null,
      submitted_at: null,
      deleted_at: null,
    });
  },
});

/**
 * Sets one answer and records the change in the insert-only history. The answer row is per
 * (report, item) and merges like any edit (the later one wins, the other becomes a conflict
 * record); the history keeps both, and `baseIds` lets every replica see that two kiosks changed
 * the same item without seeing each other (shared/compliance/answer-merge.ts).
 */
export const answerItem = defineMutation({
  name: 'compliance.answer',
  version: 1,
  authority: 'compliance.fill',
  args: z
    .object({
      reportId: z.uuid(),
      itemId: z.string().min(1).max(40),
      value: answerValue,
      historyId: z.uuid(),
      baseIds: z.array(z.uuid()).max(20),
      reason: z.string().trim().max(500).nullable(),
    })
    .strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const report = await reportAt(ctx, a.reportId);
    if (!FILLABLE.includes(report.status))
      throw new AppError('CONFLICT', `This report is ${report.status}: its answers can no longer change.`, {
        reportId: a.reportId,
      });
    const content = await pinnedContent(ctx, report.template_id);
    const item = templateItems(content).find((x) => x.item.id === a.itemId)?.item;
    if (!item) throw new AppError('VALIDATION_FAILED', `The template has no item ${a.itemId}.`, { field: 'itemId' });
    const problem = answerProblem(item, a.value);
    if (problem) throw new AppError('VALIDATION_FAILED', `${item.label.en}: ${problem}`, { field: 'value' });
    const id = answerId(a.reportId, a.itemId);
    const value = JSON.stringify(a.value);
    const current = await ctx.db
      .selectFrom('compliance_answers')
      .select('value')
      .where('id', '=', id)
      .executeTakeFirst();
    await ctx.write.insert('compliance_answer_history', {
      id: a.historyId,
      site_id: ctx.siteId,
      report_id: a.reportId,
      item_id: a.itemId,
      old_value: current?.value ?? null,
      new_value: value,
      user_id: userId,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      reason: a.reason,
      base_ids: JSON.stringify(a.baseIds),
    });
    const row = { value, answered_by: userId, answered_at: ctx.now, device_id: ctx.deviceId };
    if (current) await ctx.write.update('compliance_answers', id, row);
    else
      await ctx.write.insert('compliance_answers', {
        id,
        site_id: ctx.siteId,
        report_id: a.reportId,
        item_id: a.itemId,
        ...row,
      });
  },
});

/**
 * One signed approval step (the handler checked the PIN first). The signer's role is read from
 * their role at the site, never taken from the args; the step's permission and the four-eyes rule
 * are checked here, so the server, re-running it with the signer's permissions there, refuses a
 * role that may not approve. Submitting stores the score computed from the answers and the pinned
 * template version, on the kiosk and again on the server.
 */
export const signStep = defineMutation({
  name: 'compliance.sign',
  version: 1,
  authority: 'compliance.fill',
  // Status moves from the report as the server holds it: re-run there, it has already merged.
  merge: 'computed',
  args: z
    .object({
      reportId: z.uuid(),
      approvalId: z.uuid(),
      step: z.enum(APPROVAL_STEP_NAMES as [keyof typeof APPROVAL_STEPS, ...(keyof typeof APPROVAL_STEPS)[]]),
      comment: z.string().trim().max(2000).nullable(),
    })
    .strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const report = await reportAt(ctx, a.reportId);
    const submitted = await ctx.db
      .selectFrom('compliance_approvals')
      .select('user_id')
      .where('report_id', '=', a.reportId)
      .where('step', '=', 'submit')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const refusal = stepRefusal(
      a.step,
      { status: report.status, submittedBy: submitted?.user_id ?? null },
      // Replaying on top of pulled rows, the kiosk has no permissions at hand; the server checks.
      { userId, permissions: ctx.replaying ? [APPROVAL_STEPS[a.step].permission] : ctx.permissions },
      a.comment,
    );
    if (refusal) throw new AppError(refusal.code, refusal.message, { reportId: a.reportId, step: a.step });
    const roleCode = await roleAtSite(ctx, userId);
    if (!roleCode) throw new AppError('FORBIDDEN', 'You hold no role at this site, so you cannot sign this report.');
    const content = await pinnedContent(ctx, report.template_id);
    const answerRows = await ctx.db
      .selectFrom('compliance_answers')
      .select(['item_id', 'value'])
      .where('report_id', '=', a.reportId)
      .execute();
    const answers = answersOf(answerRows);
    const score = scoreReport(content, answers);
    if (a.step === 'submit') {
      const problems = submitProblems(content, answers);
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', `Not ready to submit: ${problems.map((p) => p.message).join('; ')}.`, {
          items: problems.map((p) => p.itemId),
        });
    }
    const to = APPROVAL_STEPS[a.step].to;
    await ctx.write.insert('compliance_approvals', {
      id: a.approvalId,
      site_id: ctx.siteId,
      report_id: a.reportId,
      step: a.step,
      from_status: report.status,
      to_status: to,
      user_id: userId,
      role_code: roleCode,
      comment: a.comment,
      score: score.score,
      answers_hash: answersHash(answers),
      device_id: ctx.deviceId,
    });
    await ctx.write.update('compliance_reports', a.reportId, {
      status: to,
      ...(a.step === 'submit'
        ? { score: score.score, max_score: score.maxScore, passed: score.passed ? 1 : 0, submitted_at: ctx.now }
        : {}),
    });
    if (a.step === 'submit') await raiseCorrectiveActions(ctx, report, content, score.failedCritical, roleCode);
  },
});

export const setSchedule = defineMutation({
  name: 'compliance.setSchedule',
  version: 1,
  authority: 'compliance.approve',
  args: z
    .object({
      id: z.uuid(),
      templateCode: z.string().regex(/^[A-Z0-9_]{2,60}$/),
      frequency: z.enum(SCHEDULE_FREQUENCIES),
      roleCode: z.string().regex(/^[a-z_]{2,40}$/),
      startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    })
    .strict(),
  async run(ctx, a) {
    const row = {
      template_code: a.templateCode,
      frequency: a.frequency,
      role_code: a.roleCode,
      starts_on: a.startsOn,
      due_time: a.dueTime,
      deleted_at: null,
    };
    const have = await ctx.db.selectFrom('compliance_schedules').select('id').where('id', '=', a.id).executeTakeFirst();
    if (have) await ctx.write.update('compliance_schedules', a.id, row);
    else await ctx.write.insert('compliance_schedules', { id: a.id, site_id: ctx.siteId, ...row });
  },
});

export const COMPLIANCE_MUTATIONS: readonly MutationDef[] = [
  startReport,
  answerItem,
  signStep,
  setSchedule,
  moveAction,
] as unknown as readonly MutationDef[];
