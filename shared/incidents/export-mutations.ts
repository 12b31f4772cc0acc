import { z } from 'zod';
import { AppError } from '../errors.js';
import { EXPORT_FORMATS } from '../exports/export-document.js';
import { defineMutation, type MutationDef } from '../mutations/define.js';

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 lower-case hex digits');

/** The audit action of an incident export: one insert-only, synced audit_log row per file. */
export const INCIDENT_EXPORT_AUDIT_ACTION = 'incidents.exported';

/**
 * Records who exported which incidents, when, in which format and with which hashes, in the same
 * insert-only audit log as report exports (`compliance.recordExport`), under its own action and
 * permission. An incident report names an incident that must be on the acting site; the server
 * checks it again, so no kiosk can record an export of another site's incident, nor anyone who
 * may not see a confidential incident (its reporter and `incidents.confidential` may) one of it.
 *
 * @example runner.run(recordIncidentExport, { auditId, kind: 'incident_report', subject: incidentId, format: 'pdf', … }, actor)
 */
export const recordIncidentExport = defineMutation({
  name: 'incidents.recordExport',
  audit: 'own',
  version: 1,
  authority: 'incidents.triage',
  args: z
    .object({
      auditId: z.uuid(),
      kind: z.enum(['incident_list', 'incident_report']),
      subject: z.string().min(1).max(120),
      format: z.enum(EXPORT_FORMATS),
      contentHash: hash,
      fileHash: hash,
    })
    .strict(),
  async run(ctx, a) {
    if (a.kind === 'incident_report') {
      const incident = await ctx.db
        .selectFrom('incidents')
        .select(['id', 'confidential', 'reporter_id'])
        .where('id', '=', a.subject)
        .where('site_id', '=', ctx.siteId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      // A confidential incident answers as if it did not exist to anyone who may not see it.
      const hidden =
        incident !== undefined &&
        incident.confidential === 1 &&
        !ctx.replaying &&
        incident.reporter_id !== ctx.userId &&
        !ctx.permissions.includes('incidents.confidential');
      if (!incident || hidden)
        throw new AppError('NOT_FOUND', 'That incident is not on this site.', { field: 'subject' });
    }
    await ctx.write.insert('audit_log', {
      id: a.auditId,
      site_id: ctx.siteId,
      action: INCIDENT_EXPORT_AUDIT_ACTION,
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
      }),
    });
  },
});

export const INCIDENT_EXPORT_MUTATIONS: readonly MutationDef[] = [
  recordIncidentExport,
] as unknown as readonly MutationDef[];
