import type { Kysely } from 'kysely';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { reportContract } from '../../../shared/training/report-contract.js';
import { recordReportExport } from '../../../shared/training/report-mutations.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { trainingReport } from './report.js';
import { reportPdf } from './report-pdf.js';
import { reportXlsx } from './report-xlsx.js';

type ReportHandlers = Pick<Handlers, keyof typeof reportContract>;

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Training trends and the period report: read for the screen, exported as PDF or XLSX with an audit row. */
export function createReportHandlers(deps: HandlerDeps): ReportHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;

  return {
    'training.report': async (input) =>
      trainingReport(db, await deps.site(), { from: input.from, to: input.to }, input.granularity),

    'training.exportReport': async (input, ctx) => {
      const data = await trainingReport(db, await deps.site(), { from: input.from, to: input.to }, input.granularity);
      const exportedAt = new Date(deps.clock.now()).toISOString();
      const bytes =
        input.format === 'pdf'
          ? await reportPdf(data, input.locale, exportedAt)
          : await reportXlsx(data, input.locale, exportedAt);
      const me = ctx.signedIn!.person;
      // The file exists only once the export is on record: an audit failure refuses the file.
      await deps.runner.run(
        recordReportExport,
        {
          auditId: newId(),
          format: input.format,
          locale: input.locale,
          granularity: input.granularity,
          from: input.from,
          to: input.to,
        },
        { userId: me.id, permissions: me.permissions },
      );
      return {
        fileName: `training-report-${input.from}-${input.to}-${input.locale}.${input.format}`,
        mime: MIME[input.format],
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
