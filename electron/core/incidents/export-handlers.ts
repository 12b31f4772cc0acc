import type { ExportDocument } from '../../../shared/exports/export-document.js';
import type { PdfAttachment } from '../../../shared/exports/pdf-attachments.js';
import type { PdfImage } from '../../../shared/exports/document-pdf.js';
import { newId } from '../../../shared/ids.js';
import { readIncidentRecord } from '../../../shared/incidents/record-check.js';
import type { incidentsExportContract } from '../../../shared/incidents/export-contract.js';
import { incidentListDocument, incidentReportDocument } from '../../../shared/incidents/export-documents.js';
import { recordIncidentExport } from '../../../shared/incidents/export-mutations.js';
import { OPEN_STAGES } from '../../../shared/incidents/workflow.js';
import { can } from '../../../shared/permissions.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { exportedFile } from '../exports/document-file.js';
import { createIncidentsHandlers } from './handlers.js';
import { RECORD_FILE_NAME } from './record.js';
import type { Db } from './queries.js';

type IncidentExportHandlers = Pick<Handlers, keyof typeof incidentsExportContract>;

/**
 * Handlers of the incident exports (shared/incidents/export-contract.ts). Both read through the
 * incidents handlers, so an export holds exactly what the person may see on screen (a
 * confidential incident they may not see is neither listed nor exportable), and each file is
 * recorded by `incidents.recordExport` before it is handed over.
 */
export function createIncidentExportHandlers(deps: HandlerDeps): IncidentExportHandlers {
  const db = deps.store.db as unknown as Db;
  const incidents = createIncidentsHandlers(deps);
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  const handOut = async (
    ctx: CallContext,
    doc: ExportDocument,
    format: 'pdf' | 'xlsx' | 'csv',
    name: string,
    attachments: readonly PdfAttachment[] = [],
    images: readonly PdfImage[] = [],
  ) => {
    const file = await exportedFile(doc, format, name, undefined, attachments, images);
    await deps.runner.run(
      recordIncidentExport,
      {
        auditId: newId(),
        kind: doc.kind as 'incident_list' | 'incident_report',
        subject: doc.subject,
        format,
        contentHash: file.contentHash,
        fileHash: file.fileHash,
      },
      { userId: ctx.signedIn!.person.id, permissions: ctx.signedIn!.person.permissions },
    );
    return file;
  };

  return {
    'incidents.exportList': async (input, ctx) => {
      const site = await deps.site();
      const list = await incidents['incidents.list']({ open: input.open }, ctx);
      const now = nowIso();
      const viewer = ctx.signedIn!.person;
      let hidden = 0;
      if (!can(viewer.permissions, 'incidents.confidential')) {
        let q = db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('site_id', '=', site.id)
          .where('deleted_at', 'is', null)
          .where('confidential', '=', 1)
          .where('reporter_id', '!=', viewer.id);
        if (input.open) q = q.where('stage', 'in', [...OPEN_STAGES]);
        hidden = Number((await q.executeTakeFirst())?.n ?? 0);
      }
      const doc = incidentListDocument(list, { site: site.name, open: input.open, confidentialHidden: hidden }, now);
      return handOut(ctx, doc, input.format, `incidents-${input.open ? 'open' : 'all'}-${now.slice(0, 10)}`);
    },
    'incidents.exportReport': async (input, ctx) => {
      const site = await deps.site();
      const detail = await incidents['incidents.detail']({ id: input.id }, ctx);
      const devices = await db
        .selectFrom('incident_events')
        .select(['id', 'device_id'])
        .where('incident_id', '=', detail.id)
        .execute();
      const doc = incidentReportDocument(
        detail,
        { site: site.name, deviceOf: new Map(devices.map((d) => [d.id, d.device_id])) },
        nowIso(),
      );
      // The PDF carries the incident's sealed record, so anyone holding it can check it offline.
      const held = input.format === 'pdf' ? await readIncidentRecord(db, site.id, detail.id) : null;
      const attachments = held
        ? [
            {
              name: RECORD_FILE_NAME,
              mime: 'application/json',
              description: 'Incident record: report, history and seals (npm run verify-incident -- --record)',
              bytes: new TextEncoder().encode(JSON.stringify(held)),
            },
          ]
        : [];
      // The photos this kiosk holds are drawn in the PDF; each is listed by its hash in any format.
      const images: PdfImage[] = [];
      if (input.format === 'pdf')
        detail.photos.forEach((p, i) => {
          const bytes = p.here ? deps.attachments?.files.read(p.sha256) : null;
          if (bytes)
            images.push({
              mime: p.mime,
              bytes,
              caption: `${i + 1}. ${p.addedAt}${p.addedByName ? ` · ${p.addedByName}` : ''} · sha256:${p.sha256.slice(0, 16)}`,
            });
        });
      return handOut(
        ctx,
        doc,
        input.format,
        `incident-${detail.reportedAt.slice(0, 10)}-${detail.id.slice(0, 8)}`,
        attachments,
        images,
      );
    },
  };
}
