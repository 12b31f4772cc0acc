import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { addDays, instantAt, siteClock } from '../../../shared/classes/site-time.js';
import type { complianceExportContract } from '../../../shared/compliance/export-contract.js';
import { EXPORT_AUDIT_ACTION, recordExport } from '../../../shared/compliance/export-mutations.js';
import { incidentSummary, incidentSummaryDocument } from '../../../shared/compliance/incident-summary.js';
import { reportCsv } from '../../../shared/compliance/report-csv.js';
import { reportDocument } from '../../../shared/compliance/report-document.js';
import { trainingReport, trainingReportDocument } from '../../../shared/compliance/training-report.js';
import { documentHash, type ExportDocument, type ExportFormat } from '../../../shared/exports/export-document.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { exportedFile } from '../exports/document-file.js';
import { createComplianceHandlers } from './handlers.js';

type ExportHandlers = Pick<Handlers, keyof typeof complianceExportContract>;

/** Handlers of report exports and reports built from data (shared/compliance/export-contract.ts). */
export function createComplianceExportHandlers(deps: HandlerDeps): ExportHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const compliance = createComplianceHandlers(deps);
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  /** Builds the file, records the export (who, what, format, hashes), and hands the bytes over. */
  const handOut = async (
    ctx: CallContext,
    doc: ExportDocument,
    format: ExportFormat,
    name: string,
    template: { code: string; version: number } | null,
    csv?: () => string,
  ) => {
    const file = await exportedFile(doc, format, name, csv);
    await deps.runner.run(
      recordExport,
      {
        auditId: newId(),
        kind: doc.kind,
        subject: doc.subject,
        format,
        contentHash: file.contentHash,
        fileHash: file.fileHash,
        templateCode: template?.code ?? null,
        templateVersion: template?.version ?? null,
      },
      actorOf(ctx),
    );
    return file;
  };

  const trainingLines = async () => {
    const site = await deps.site();
    const people = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select(['users.id', 'users.display_name', 'roles.code'])
      .where('users.site_id', '=', site.id)
      .where('user_roles.site_id', '=', site.id)
      .where('users.active', '=', 1)
      .where('users.deleted_at', 'is', null)
      .where('user_roles.deleted_at', 'is', null)
      .execute();
    const paths = await db
      .selectFrom('training_paths')
      .select(['role_codes', 'module_codes'])
      .where('deleted_at', 'is', null)
      .execute();
    const modules = await db
      .selectFrom('training_modules')
      .select(['id', 'code', 'title_en', 'title_fr', 'version'])
      .where('deleted_at', 'is', null)
      .orderBy('version')
      .execute();
    const codeOf = new Map(modules.map((m) => [m.id, m.code]));
    const ids = people.map((p) => p.id);
    const certs = ids.length
      ? await db
          .selectFrom('training_certificates')
          .leftJoin(
            'training_certificate_revocations',
            'training_certificate_revocations.certificate_id',
            'training_certificates.id',
          )
          .select([
            'training_certificates.user_id',
            'training_certificates.module_id',
            'training_certificates.number',
            'training_certificates.expires_at',
            'training_certificate_revocations.id as revocation',
          ])
          .where('training_certificates.user_id', 'in', ids)
          .execute()
      : [];
    const now = nowIso();
    return {
      now,
      site,
      lines: trainingReport({
        now,
        people: people.map((p) => ({ id: p.id, name: p.display_name, roleCode: p.code })),
        paths: paths.map((p) => ({
          roleCodes: JSON.parse(p.role_codes) as string[],
          moduleCodes: JSON.parse(p.module_codes) as string[],
        })),
        // The newest version's title wins (ordered by version).
        modules: [
          ...new Map(
            modules.map((m) => [m.code, { code: m.code, title: { en: m.title_en, fr: m.title_fr } }]),
          ).values(),
        ],
        certificates: certs.map((c) => ({
          userId: c.user_id,
          moduleCode: codeOf.get(c.module_id) ?? c.module_id,
          number: c.number,
          expiresAt: c.expires_at,
          revoked: c.revocation !== null,
        })),
      }),
    };
  };

  const summaryOf = async (from: string, to: string) => {
    const site = await deps.site();
    const start = instantAt(from, '00:00', site.timezone);
    const end = instantAt(addDays(to, 1), '00:00', site.timezone);
    const rows = await db
      .selectFrom('incidents')
      .select(['type', 'severity', 'stage', 'occurred_at'])
      .where('site_id', '=', site.id)
      .where('deleted_at', 'is', null)
      .where('occurred_at', '>=', start)
      .where('occurred_at', '<', end)
      .execute();
    return {
      site,
      summary: incidentSummary({
        from: start,
        to: end,
        incidents: rows.map((r) => ({ type: r.type, severity: r.severity, stage: r.stage, occurredAt: r.occurred_at })),
      }),
    };
  };

  return {
    'compliance.export': async (input, ctx) => {
      const detail = await compliance['compliance.report']({ id: input.id }, ctx);
      const { report, template, answers, score, approvals } = detail;
      const base = { reportId: report.id, template, status: report.status, content: template.content, answers, score };
      const doc = reportDocument(base, approvals, nowIso());
      return handOut(
        ctx,
        doc,
        input.format,
        `${template.code}-v${template.version}-${report.period ?? report.id}`,
        template,
        () => reportCsv(base, documentHash(doc)),
      );
    },

    'compliance.exports': async (input) => {
      const site = await deps.site();
      const rows = await db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select(['audit_log.detail', 'audit_log.created_at', 'users.display_name'])
        .where('audit_log.site_id', '=', site.id)
        .where('audit_log.action', '=', EXPORT_AUDIT_ACTION)
        .orderBy('audit_log.created_at', 'desc')
        .orderBy('audit_log.hlc', 'desc')
        .execute();
      return rows
        .map((r) => ({ r, d: JSON.parse(r.detail) as { subject: string; format: string; contentHash: string } }))
        .filter(({ d }) => d.subject === input.id)
        .slice(0, 50)
        .map(({ r, d }) => ({
          format: d.format,
          userName: r.display_name,
          at: r.created_at,
          contentHash: d.contentHash,
        }));
    },

    'compliance.trainingReport': async () => {
      const { now, site, lines } = await trainingLines();
      return {
        generatedAt: now,
        today: siteClock(now, site.timezone).date,
        lines: lines.map(({ userId: _, ...l }) => l),
      };
    },

    'compliance.incidentSummary': async (input) => {
      const { summary } = await summaryOf(input.from, input.to);
      return summary;
    },

    'compliance.exportData': async (input, ctx) => {
      if (input.kind === 'training_compliance') {
        const { now, site, lines } = await trainingLines();
        const doc = trainingReportDocument(lines, site.name, now);
        return handOut(ctx, doc, input.format, `training-compliance-${now.slice(0, 10)}`, null);
      }
      if (input.from > input.to)
        throw new AppError('VALIDATION_FAILED', 'The period must end on or after its first day.', { field: 'to' });
      const { site, summary } = await summaryOf(input.from, input.to);
      const doc = incidentSummaryDocument(summary, site.name, nowIso());
      return handOut(ctx, doc, input.format, `incident-summary-${input.from}-${input.to}`, null);
    },
  };
}
