import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation, type MutationDef } from '../mutations/define.js';
import { EXPORT_FORMATS } from '../exports/export-document.js';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 lower-case hex digits');

/** The audit action of an export: one insert-only, synced audit_log row per file handed out. */
export const EXPORT_AUDIT_ACTION = 'compliance.exported';

/**
 * Records who exported what, when, in which format and with which hashes (the document's content
 * hash and the file's own SHA-256). The export itself is a read on the kiosk; this row is what
 * an inspector asks for. Report exports need the report to be on the acting site (checked again
 * by the server); summaries built from data (training, incidents) need `compliance.approve`.
 *
 * @example runner.run(recordExport, { auditId, kind: 'compliance_report', subject: reportId, format: 'pdf', … }, actor)
 */
export const recordExport = defineMutation({
  name: 'compliance.recordExport',
  audit: 'own',
  version: 1,
  authority: 'compliance.fill',
  args: z
    .object({
      auditId: z.uuid(),
      // Incident exports have their own record (shared/incidents/export-mutations.ts).
      kind: z.enum(['compliance_report', 'training_compliance', 'incident_summary']),
      subject: z.string().min(1).max(80),
      format: z.enum(EXPORT_FORMATS),
      contentHash: hash,
      fileHash: hash,
      templateCode: z.string().max(80).nullable(),
      templateVersion: z.number().int().positive().nullable(),
    })
    .strict(),
  async run(ctx, a) {
    if (a.kind === 'compliance_report') {
      const report = await ctx.db
        .selectFrom('compliance_reports')
        .select('id')
        .where('id', '=', a.subject)
        .where('site_id', '=', ctx.siteId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!report) throw new AppError('NOT_FOUND', 'That compliance report does not exist here.', { field: 'subject' });
    } else if (!ctx.replaying && !ctx.permissions.includes('compliance.approve')) {
      throw new AppError('FORBIDDEN', 'Only a supervisor may export reports built from site data.', {
        field: 'kind',
      });
    }
    await ctx.write.insert('audit_log', {
      id: a.auditId,
      site_id: ctx.siteId,
      action: EXPORT_AUDIT_ACTION,
      actor_user_id: ctx.userId,
      subject_user_id: null,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      detail: JSON.stringify({
        kind: a.kind,
        subject: a.subject,
        format: a.format,
        contentHash: a.contentHash,
        fileHash: a.fileHash,
        templateCode: a.templateCode,
        templateVersion: a.templateVersion,
      }),
    });
  },
});

export const COMPLIANCE_EXPORT_MUTATIONS: readonly MutationDef[] = [recordExport] as unknown as readonly MutationDef[];
