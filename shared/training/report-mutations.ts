import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation } from '../mutations/define.js';
import { GRANULARITIES, periodProblem } from './trends.js';

/** The audit action of a training report export. */
export const REPORT_EXPORTED = 'training.report_exported';

/**
 * Records who exported which training report, in what form and language, and when (the audit
 * row's hlc and created_at). Insert-only and synced, so the shore sees every export of a site's
 * training figures; the server re-checks that the person may read them.
 */
export const recordReportExport = defineMutation({
  name: 'training.recordReportExport',
  audit: 'own',
  version: 1,
  authority: 'analytics.team',
  args: z
    .object({
      auditId: z.uuid(),
      format: z.enum(['pdf', 'xlsx']),
      locale: z.enum(['en', 'fr']),
      granularity: z.enum(GRANULARITIES),
      from: z.string(),
      to: z.string(),
    })
    .strict(),
  async run(ctx, a) {
    const problem = periodProblem({ from: a.from, to: a.to }, a.granularity);
    if (problem) throw new AppError('VALIDATION_FAILED', problem.message, { field: problem.field });
    await ctx.write.insert('audit_log', {
      id: a.auditId,
      site_id: ctx.siteId,
      action: REPORT_EXPORTED,
      actor_user_id: ctx.userId,
      subject_user_id: null,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      detail: JSON.stringify({
        format: a.format,
        locale: a.locale,
        granularity: a.granularity,
        from: a.from,
        to: a.to,
      }),
    });
  },
});
