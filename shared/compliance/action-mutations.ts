import { z } from 'zod';
import { siteClock } from '../classes/site-time.js';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { userRoleId } from '../mutations/users.js';
import {
  ACTION_MOVES,
  actionMoveRefusal,
  correctiveActionsFor,
  SOURCE_KIND,
  type ActionStatus,
} from './corrective-actions.js';
import type { ComplianceReportRow } from './schema.js';
import type { TemplateContent } from './template.js';

/** The signer's role code at the mutation's site, or null when they hold none there. */
export async function roleAtSite(ctx: MutationContext, userId: string): Promise<string | null> {
  const role = await ctx.db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select('roles.code')
    .where('user_roles.id', '=', userRoleId(userId, ctx.siteId))
    .where('user_roles.deleted_at', 'is', null)
    .executeTakeFirst();
  return role?.code ?? null;
}

/**
 * Raises the corrective actions of a report being submitted (called by compliance.sign). The owner
 * is the role its schedule names, else the submitter's; due dates count from the site's date.
 * insertIfAbsent with derived ids: the server re-running the submit, or a second kiosk
 * submitting the same report, finds the action there and leaves it as it is.
 */
export async function raiseCorrectiveActions(
  ctx: MutationContext,
  report: ComplianceReportRow,
  content: TemplateContent,
  failedCritical: readonly string[],
  submitterRole: string,
): Promise<void> {
  if (!failedCritical.length) return;
  const [template, site, schedule] = await Promise.all([
    ctx.db
      .selectFrom('compliance_templates')
      .select('report_type')
      .where('id', '=', report.template_id)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('sites').select('timezone').where('id', '=', ctx.siteId).executeTakeFirst(),
    report.schedule_id
      ? ctx.db
          .selectFrom('compliance_schedules')
          .select(['role_code', 'frequency'])
          .where('id', '=', report.schedule_id)
          .executeTakeFirst()
      : undefined,
  ]);
  const raised = correctiveActionsFor({
    reportId: report.id,
    content,
    reportType: template.report_type,
    frequency: schedule?.frequency ?? null,
    failedCritical,
    submittedOn: siteClock(ctx.now, site?.timezone ?? 'UTC').date,
    ownerRole: schedule?.role_code ?? submitterRole,
  });
  for (const a of raised)
    await ctx.write.insertIfAbsent('actions', {
      id: a.id,
      site_id: ctx.siteId,
      source_kind: SOURCE_KIND,
      source_id: report.id,
      source_item: a.itemId,
      kind: 'corrective',
      title: a.title,
      owner_id: null,
      owner_role: a.ownerRole,
      due_date: a.dueDate,
      status: 'open',
      created_by: ctx.userId,
      deleted_at: null,
    });
}

/**
 * One signed move of a compliance report's corrective action (the handler checked the PIN first):
 * started, or done with a note. The signer's role is read from user_roles, never from the args,
 * and the owner rule is checked here, so the server re-running it with the signer's permissions
 * there refuses a role that may not act on it.
 */
export const moveAction = defineMutation({
  name: 'compliance.moveAction',
  version: 1,
  authority: 'compliance.fill',
  // The status moves from the action as the server holds it: re-run there, it has already merged.
  merge: 'computed',
  args: z
    .object({
      actionId: z.uuid(),
      stepId: z.uuid(),
      to: z.enum(ACTION_MOVES),
      note: z.string().trim().max(2000).nullable(),
    })
    .strict(),
  async run(ctx, a) {
    if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
    const action = await ctx.db
      .selectFrom('actions')
      .select(['status', 'owner_role'])
      .where('id', '=', a.actionId)
      .where('site_id', '=', ctx.siteId)
      .where('source_kind', '=', SOURCE_KIND)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!action)
      throw new AppError('NOT_FOUND', 'That corrective action is not on this site.', { actionId: a.actionId });
    const roleCode = await roleAtSite(ctx, ctx.userId);
    if (!roleCode) throw new AppError('FORBIDDEN', 'You hold no role at this site, so you cannot act on this action.');
    const refusal = actionMoveRefusal(
      a.to,
      { status: action.status as ActionStatus, ownerRole: action.owner_role },
      // Replaying on top of pulled rows, the kiosk has no permissions at hand; the server checks.
      { roleCode, permissions: ctx.replaying ? ['compliance.approve'] : ctx.permissions },
      a.note,
    );
    if (refusal)
      throw new AppError(refusal.code, refusal.message, {
        actionId: a.actionId,
        ...(refusal.field ? { field: refusal.field } : {}),
      });
    await ctx.write.insert('action_steps', {
      id: a.stepId,
      site_id: ctx.siteId,
      action_id: a.actionId,
      from_status: action.status as ActionStatus,
      to_status: a.to,
      note: a.note,
      user_id: ctx.userId,
      role_code: roleCode,
      device_id: ctx.deviceId,
    });
    await ctx.write.update('actions', a.actionId, { status: a.to });
  },
});
