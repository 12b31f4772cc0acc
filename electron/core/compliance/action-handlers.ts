import type { Kysely } from 'kysely';
import { siteClock } from '../../../shared/classes/site-time.js';
import type { complianceActionsContract } from '../../../shared/compliance/action-contract.js';
import { moveAction } from '../../../shared/compliance/action-mutations.js';
import {
  ACTION_MOVES,
  actionMoveRefusal,
  daysBetween,
  isOverdue,
  SOURCE_KIND,
  type ActionStatus,
} from '../../../shared/compliance/corrective-actions.js';
import { parseContent } from '../../../shared/compliance/report-rules.js';
import { templateItems } from '../../../shared/compliance/template.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type ActionHandlers = Pick<Handlers, keyof typeof complianceActionsContract>;

/** Handlers of the compliance reports' corrective actions (shared/compliance/action-contract.ts). */
export function createComplianceActionHandlers(deps: HandlerDeps): ActionHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;

  return {
    'compliance.actions': async (input, ctx) => {
      const site = await deps.site();
      const today = siteClock(deps.clock.now(), site.timezone).date;
      let q = db
        .selectFrom('actions')
        .innerJoin('compliance_reports', 'compliance_reports.id', 'actions.source_id')
        .innerJoin('compliance_templates', 'compliance_templates.id', 'compliance_reports.template_id')
        .selectAll('actions')
        .select([
          'compliance_templates.title_en',
          'compliance_templates.title_fr',
          'compliance_templates.content',
          'compliance_templates.id as template_id',
        ])
        .where('actions.site_id', '=', site.id)
        .where('actions.source_kind', '=', SOURCE_KIND)
        .where('actions.deleted_at', 'is', null);
      if (input.status?.length) q = q.where('actions.status', 'in', input.status);
      const rows = await q.orderBy('actions.due_date').orderBy('actions.created_at').limit(500).execute();
      const steps = rows.length
        ? await db
            .selectFrom('action_steps')
            .leftJoin('users', 'users.id', 'action_steps.user_id')
            .select([
              'action_steps.action_id',
              'action_steps.to_status',
              'action_steps.note',
              'action_steps.role_code',
              'action_steps.created_at',
              'users.display_name',
            ])
            .where(
              'action_steps.action_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('action_steps.created_at')
            .execute()
        : [];
      // One parse per pinned template version, however many actions it raised.
      const labels = new Map<string, Map<string, { en: string; fr: string }>>();
      const labelOf = (templateId: string, content: string, itemId: string | null) => {
        if (!labels.has(templateId))
          labels.set(
            templateId,
            new Map(templateItems(parseContent(content)).map(({ item }) => [item.id, item.label])),
          );
        return itemId ? labels.get(templateId)!.get(itemId) : undefined;
      };
      const person = ctx.signedIn!.person;
      return {
        today,
        actions: rows.map((r) => {
          const status = r.status as ActionStatus;
          return {
            id: r.id,
            reportId: r.source_id!,
            reportTitle: { en: r.title_en, fr: r.title_fr },
            itemId: r.source_item,
            title: labelOf(r.template_id, r.content, r.source_item) ?? { en: r.title, fr: r.title },
            ownerRole: r.owner_role,
            dueDate: r.due_date,
            status,
            overdue: isOverdue({ status, dueDate: r.due_date }, today),
            ageDays: Math.max(0, daysBetween(siteClock(r.created_at, site.timezone).date, today)),
            nextMoves: ACTION_MOVES.filter(
              (to) =>
                actionMoveRefusal(
                  to,
                  { status, ownerRole: r.owner_role },
                  { roleCode: person.roleCode, permissions: person.permissions },
                  'x',
                ) === null,
            ),
            steps: steps
              .filter((s) => s.action_id === r.id)
              .map((s) => ({
                to: s.to_status,
                note: s.note,
                userName: s.display_name,
                roleCode: s.role_code,
                at: s.created_at,
              })),
          };
        }),
      };
    },

    'compliance.moveAction': async (input, ctx) => {
      await deps.auth.confirmPin(ctx.token, input.pin);
      await deps.runner.run(
        moveAction,
        { actionId: input.actionId, stepId: newId(), to: input.to, note: input.note },
        { userId: ctx.signedIn!.person.id, permissions: ctx.signedIn!.person.permissions },
      );
      return { ok: true as const };
    },
  };
}
