import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { answerValue } from '../../../shared/compliance/answer.js';
import { itemConflicts, headsOf, type HistoryEntry } from '../../../shared/compliance/answer-merge.js';
import { APPROVAL_STEP_NAMES, stepRefusal } from '../../../shared/compliance/approval-steps.js';
import type { complianceContract } from '../../../shared/compliance/contract.js';
import {
  answerItem,
  scheduledReportId,
  setSchedule,
  signStep,
  startReport,
} from '../../../shared/compliance/mutations.js';
import { answersOf, parseContent } from '../../../shared/compliance/report-rules.js';
import { reportCsv } from '../../../shared/compliance/report-csv.js';
import { scheduleBoard } from '../../../shared/compliance/schedule-board.js';
import type { Occurrence } from '../../../shared/compliance/schedule.js';
import { complianceDashboard } from '../../../shared/compliance/dashboard.js';
import { SOURCE_KIND } from '../../../shared/compliance/corrective-actions.js';
import type { ComplianceReportRow, ComplianceTemplateRow } from '../../../shared/compliance/schema.js';
import { scoreReport } from '../../../shared/compliance/scoring.js';
import { siteClock } from '../../../shared/classes/site-time.js';
import { AppError } from '../../../shared/errors.js';
import { decodeHlc } from '../../../shared/hlc.js';
import { derivedId, newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { createComplianceActionHandlers } from './action-handlers.js';
import { readScheduleOccurrences } from './schedule-reads.js';

type ComplianceHandlers = Pick<Handlers, keyof typeof complianceContract>;

export const scheduleId = (siteId: string, templateCode: string, roleCode: string, frequency: string) =>
  derivedId('compliance_schedule', siteId, templateCode, roleCode, frequency);

/** Handlers of the compliance area's API methods (shared/compliance/contract.ts). */
export function createComplianceHandlers(deps: HandlerDeps): ComplianceHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  /** The newest published version of each template this site may use. */
  const publishedTemplates = async () => {
    const site = await deps.site();
    const rows = await db
      .selectFrom('compliance_templates')
      .selectAll()
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', site.id)]))
      .where('site_kind', 'in', [site.kind, 'any'])
      .orderBy('code')
      .orderBy('version', 'desc')
      .execute();
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.code) && seen.add(r.code));
  };

  const templateOut = (t: ComplianceTemplateRow) => ({
    id: t.id,
    code: t.code,
    version: t.version,
    reportType: t.report_type,
    method: t.method,
    title: { en: t.title_en, fr: t.title_fr },
    contentHash: t.content_hash,
  });

  const reportOut = (r: ComplianceReportRow, t: { title_en: string; title_fr: string }) => ({
    id: r.id,
    templateId: r.template_id,
    templateCode: r.template_code,
    templateVersion: r.template_version,
    title: { en: t.title_en, fr: t.title_fr },
    status: r.status,
    period: r.period,
    score: r.score,
    maxScore: r.max_score,
    passed: r.passed === null ? null : r.passed === 1,
    startedBy: r.started_by,
    updatedAt: r.updated_at,
  });

  const historyOf = async (reportId: string): Promise<HistoryEntry[]> =>
    (
      await db
        .selectFrom('compliance_answer_history')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('hlc')
        .execute()
    ).map((h) => ({
      id: h.id,
      itemId: h.item_id,
      newValue: h.new_value,
      userId: h.user_id,
      deviceId: h.device_id,
      hlc: h.hlc,
      baseIds: JSON.parse(h.base_ids) as string[],
    }));

  const names = async (ids: string[]) => {
    if (!ids.length) return new Map<string, string>();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  };

  const handlers: ComplianceHandlers = {
    ...createComplianceActionHandlers(deps),
    'compliance.templates': async () => (await publishedTemplates()).map(templateOut),

    'compliance.due': async (input, ctx) => {
      const site = await deps.site();
      const read = await readScheduleOccurrences(db, {
        site,
        templates: new Map((await publishedTemplates()).map((t) => [t.code, t])),
        now: nowIso(),
        roleCode: input.allRoles ? null : ctx.signedIn!.person.roleCode,
      });
      return read.flatMap(({ schedule: s, template: t, occurrences, reportIds }) =>
        occurrences
          .filter((o) => o.status !== 'done')
          .map((o) => ({
            scheduleId: s.id,
            templateId: t?.id ?? null,
            templateCode: s.template_code,
            title: { en: t?.title_en ?? s.template_code, fr: t?.title_fr ?? s.template_code },
            frequency: s.frequency,
            roleCode: s.role_code,
            period: o.period,
            dueAt: o.dueAt,
            status: o.status as 'due' | 'late' | 'missed',
            reportId: reportIds.get(o.period) ?? null,
          })),
      );
    },

    'compliance.schedule': async () => {
      const site = await deps.site();
      const now = nowIso();
      const read = await readScheduleOccurrences(db, {
        site,
        templates: new Map((await publishedTemplates()).map((t) => [t.code, t])),
        now,
        roleCode: null,
      });
      return {
        today: siteClock(now, site.timezone).date,
        entries: scheduleBoard(
          read.map((r) => ({ of: r, occurrences: r.occurrences })),
          now,
          site.timezone,
        ).map(({ bucket, dueOn, occurrence: o, of: { schedule: s, template: t, reportIds } }) => ({
          scheduleId: s.id,
          templateId: t?.id ?? null,
          title: { en: t?.title_en ?? s.template_code, fr: t?.title_fr ?? s.template_code },
          frequency: s.frequency,
          roleCode: s.role_code,
          period: o.period,
          dueOn,
          dueAt: o.dueAt,
          status: o.status,
          bucket,
          reportId: reportIds.get(o.period) ?? null,
        })),
      };
    },

    'compliance.dashboard': async (input) => {
      const site = await deps.site();
      const now = nowIso();
      const templates = await publishedTemplates();
      // Enough periods back to cover the weeks of a daily schedule.
      const read = await readScheduleOccurrences(db, {
        site,
        templates: new Map(templates.map((t) => [t.code, t])),
        now,
        roleCode: null,
        limit: input.weeks * 7 + 7,
      });
      const occurrences = new Map<string, Occurrence[]>();
      for (const r of read)
        occurrences.set(r.schedule.template_code, [
          ...(occurrences.get(r.schedule.template_code) ?? []),
          ...r.occurrences,
        ]);
      const since = new Date(Date.parse(now) - (input.weeks + 1) * 7 * 86_400_000).toISOString();
      const reports = await db
        .selectFrom('compliance_reports')
        .select(['template_code', 'submitted_at', 'score', 'max_score'])
        .where('site_id', '=', site.id)
        .where('deleted_at', 'is', null)
        .where('submitted_at', '>=', since)
        .where('score', 'is not', null)
        .execute();
      const openActions = await db
        .selectFrom('actions')
        .select('created_at')
        .where('site_id', '=', site.id)
        .where('source_kind', '=', SOURCE_KIND)
        .where('status', 'in', ['open', 'in_progress'])
        .where('deleted_at', 'is', null)
        .execute();
      return complianceDashboard({
        now,
        timeZone: site.timezone,
        weeks: input.weeks,
        templates: templates.map((t) => ({ code: t.code, title: { en: t.title_en, fr: t.title_fr } })),
        occurrences,
        reports: reports.map((r) => ({
          templateCode: r.template_code,
          submittedAt: r.submitted_at!,
          score: r.score!,
          maxScore: r.max_score ?? 100,
        })),
        openActions: openActions.map((a) => ({ createdAt: a.created_at })),
      });
    },

    'compliance.exportCsv': async (input, ctx) => {
      const { report, template, answers, score } = await handlers['compliance.report']({ id: input.id }, ctx);
      return {
        filename: `${template.code}-v${template.version}-${report.period ?? report.id}.csv`,
        mime: 'text/csv' as const,
        content: reportCsv({
          reportId: report.id,
          template,
          status: report.status,
          content: template.content,
          answers,
          score,
        }),
      };
    },

    'compliance.reports': async (input) => {
      const site = await deps.site();
      let q = db
        .selectFrom('compliance_reports')
        .innerJoin('compliance_templates', 'compliance_templates.id', 'compliance_reports.template_id')
        .selectAll('compliance_reports')
        .select(['compliance_templates.title_en', 'compliance_templates.title_fr'])
        .where('compliance_reports.site_id', '=', site.id)
        .where('compliance_reports.deleted_at', 'is', null);
      if (input.status?.length) q = q.where('compliance_reports.status', 'in', input.status);
      const rows = await q.orderBy('compliance_reports.updated_at', 'desc').limit(200).execute();
      return rows.map((r) => reportOut(r, r));
    },

    'compliance.start': async (input, ctx) => {
      const id = input.scheduleId && input.period ? scheduledReportId(input.scheduleId, input.period) : newId();
      await deps.runner.run(
        startReport,
        { reportId: id, templateId: input.templateId, scheduleId: input.scheduleId, period: input.period },
        actorOf(ctx),
      );
      return { id };
    },

    'compliance.report': async (input, ctx) => {
      const site = await deps.site();
      const r = await db
        .selectFrom('compliance_reports')
        .selectAll()
        .where('id', '=', input.id)
        .where('site_id', '=', site.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', 'That compliance report does not exist here.', { id: input.id });
      const t = await db
        .selectFrom('compliance_templates')
        .selectAll()
        .where('id', '=', r.template_id)
        .executeTakeFirstOrThrow();
      const content = parseContent(t.content);
      const answers = answersOf(
        await db.selectFrom('compliance_answers').select(['item_id', 'value']).where('report_id', '=', r.id).execute(),
      );
      const history = await historyOf(r.id);
      const approvals = await db
        .selectFrom('compliance_approvals')
        .selectAll()
        .where('report_id', '=', r.id)
        .orderBy('created_at')
        .execute();
      const conflicts = itemConflicts(history);
      const who = await names([
        ...new Set([...conflicts.flatMap((c) => c.heads.map((h) => h.userId)), ...approvals.map((a) => a.user_id)]),
      ]);
      const submittedBy = approvals.filter((a) => a.step === 'submit').at(-1)?.user_id ?? null;
      const person = ctx.signedIn!.person;
      return {
        report: reportOut(r, t),
        template: { ...templateOut(t), content },
        answers,
        score: scoreReport(content, answers),
        conflicts: conflicts.map((c) => ({
          itemId: c.itemId,
          values: c.heads.map((h) => ({
            value: answerValue.parse(JSON.parse(h.newValue)),
            userName: who.get(h.userId) ?? null,
            deviceId: h.deviceId,
            at: new Date(decodeHlc(h.hlc).wall).toISOString(),
          })),
        })),
        approvals: approvals.map((a) => ({
          step: a.step,
          userName: who.get(a.user_id) ?? null,
          roleCode: a.role_code,
          comment: a.comment,
          score: a.score,
          at: a.created_at,
        })),
        nextSteps: APPROVAL_STEP_NAMES.filter(
          (step) =>
            stepRefusal(
              step,
              { status: r.status, submittedBy },
              { userId: person.id, permissions: person.permissions },
              'x',
            ) === null,
        ),
      };
    },

    'compliance.answer': async (input, ctx) => {
      // The change is made on top of every head this kiosk knows for the item: picking a value
      // in a conflict resolves it, and a kiosk that had not seen another's change leaves two heads.
      const heads = headsOf((await historyOf(input.reportId)).filter((h) => h.itemId === input.itemId));
      await deps.runner.run(
        answerItem,
        {
          reportId: input.reportId,
          itemId: input.itemId,
          value: input.value,
          historyId: newId(),
          baseIds: heads.map((h) => h.id),
          reason: input.reason,
        },
        actorOf(ctx),
      );
      return { ok: true as const };
    },

    'compliance.sign': async (input, ctx) => {
      await deps.auth.confirmPin(ctx.token, input.pin);
      await deps.runner.run(
        signStep,
        { reportId: input.reportId, approvalId: newId(), step: input.step, comment: input.comment },
        actorOf(ctx),
      );
      return { ok: true as const };
    },

    'compliance.setSchedule': async (input, ctx) => {
      const site = await deps.site();
      const id = scheduleId(site.id, input.templateCode, input.roleCode, input.frequency);
      await deps.runner.run(setSchedule, { id, ...input }, actorOf(ctx));
      return { id };
    },
  };
  return handlers;
}
