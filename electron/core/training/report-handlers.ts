import type { Kysely } from 'kysely';
import { siteClock } from '../../../shared/classes/site-time.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { reportContract } from '../../../shared/training/report-contract.js';
import { recordReportExport } from '../../../shared/training/report-mutations.js';
import { defaultPeriod, type Granularity } from '../../../shared/training/trends.js';
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
  /** The asked period, or the default one ending on the site's today (the renderer has no site clock). */
  const load = async (input: { granularity: Granularity; from?: string; to?: string }) => {
    const site = await deps.site();
    // Half a period is a mistake, not a request for the default one.
    if (!input.from !== !input.to) {
      const field = input.from ? 'to' : 'from';
      throw new AppError('VALIDATION_FAILED', `Give both ends of the period: ${field} is missing.`, { field });
    }
    const period =
      input.from && input.to
        ? { from: input.from, to: input.to }
        : defaultPeriod(siteClock(deps.clock.now(), site.timezone).date, input.granularity);
    return trainingReport(db, site, period, input.granularity);
  };

  return {
    'training.report': async (input) => load(input),

    'training.exportReport': async (input, ctx) => {
      const data = await load(input);
      const { from, to } = data.period;
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
          from,
          to,
        },
        { userId: me.id, permissions: me.permissions },
      );
      return {
        fileName: `training-report-${from}-${to}-${input.locale}.${input.format}`,
        mime: MIME[input.format],
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
