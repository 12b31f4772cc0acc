import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { CertificatePayload } from '../../../shared/training/certificate-signing.js';
import { mostMissed, sectionEngagement } from '../../../shared/training/engagement.js';
import { rate } from '../../../shared/training/kpis.js';
import type { TrainingReportData } from '../../../shared/training/report-contract.js';
import {
  periodInstants,
  periodProblem,
  trainingTrend,
  type Granularity,
  type Period,
} from '../../../shared/training/trends.js';
import { offeredModules } from './queries.js';

const mean = (xs: readonly number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

/**
 * The training report of one site for a period of site days: completions and mean scores (in
 * total, per bucket and per module), time per section and where people stop, the questions most
 * often missed, and the certificates issued or expiring in the period. The analytics screen charts
 * it and the PDF and XLSX exports print it, so all three show the same numbers.
 *
 * @example
 * await trainingReport(db, { id, name: 'Le Quai', timezone: 'Europe/Paris' }, { from: '2026-03-01', to: '2026-03-31' }, 'week')
 */
export async function trainingReport(
  db: Kysely<SyncedDatabase>,
  site: { id: string; name: string; timezone: string },
  period: Period,
  granularity: Granularity,
): Promise<TrainingReportData> {
  const problem = periodProblem(period, granularity);
  if (problem) throw new AppError('VALIDATION_FAILED', problem.message, { field: problem.field });
  const { start, end } = periodInstants(period, site.timezone);
  const modules = await offeredModules(db, site.id);
  const offeredIds = modules.map((m) => m.id);
  const [attempts, sections, progress, responses, certs, revocations] = await Promise.all([
    db
      .selectFrom('training_attempts as a')
      .innerJoin('training_modules as m', 'm.id', 'a.module_id')
      .select(['a.user_id', 'm.code', 'a.score', 'a.passed', 'a.submitted_at'])
      .where('a.site_id', '=', site.id)
      .where('a.submitted_at', 'is not', null)
      .execute(),
    offeredIds.length
      ? db
          .selectFrom('training_sections')
          .select(['id', 'module_id', 'position', 'title_en', 'title_fr'])
          .where('module_id', 'in', offeredIds)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    db
      .selectFrom('training_section_progress')
      .select(['user_id', 'section_id', 'time_spent_seconds', 'completed_at'])
      .where('site_id', '=', site.id)
      .where('last_viewed_at', '>=', start)
      .where('last_viewed_at', '<', end)
      .execute(),
    db
      .selectFrom('training_responses as r')
      .innerJoin('training_questions as q', 'q.id', 'r.question_id')
      .innerJoin('training_modules as m', 'm.id', 'q.module_id')
      .select(['r.question_id', 'r.correct', 'q.prompt_en', 'q.prompt_fr', 'm.code'])
      .where('r.site_id', '=', site.id)
      .where('r.created_at', '>=', start)
      .where('r.created_at', '<', end)
      .execute(),
    db
      .selectFrom('training_certificates as c')
      .innerJoin('training_modules as m', 'm.id', 'c.module_id')
      .select(['c.id', 'c.number', 'c.user_id', 'c.payload', 'c.issued_at', 'c.expires_at', 'm.code'])
      .where('c.site_id', '=', site.id)
      .execute(),
    db.selectFrom('training_certificate_revocations').select('certificate_id').where('site_id', '=', site.id).execute(),
  ]);
  const inPeriod = (iso: string | null) => iso !== null && iso >= start && iso < end;
  const periodAttempts = attempts.filter((a) => inPeriod(a.submitted_at));
  const scored = (list: typeof attempts) => list.map((a) => a.score).filter((s): s is number => s !== null);
  const revoked = new Set(revocations.map((r) => r.certificate_id));

  // Finished = passed at any time or certified (not revoked): a person certified last year has not stopped.
  const doneCodes = new Set([
    ...attempts.filter((a) => a.passed === 1).map((a) => `${a.user_id}|${a.code}`),
    ...certs.filter((c) => !revoked.has(c.id)).map((c) => `${c.user_id}|${c.code}`),
  ]);
  const codeOf = new Map(modules.map((m) => [m.id, m.code]));
  const finished = new Set<string>();
  for (const p of progress)
    for (const m of modules) if (doneCodes.has(`${p.user_id}|${m.code}`)) finished.add(`${p.user_id}|${m.id}`);
  const engagement = sectionEngagement(
    sections.map((s) => ({ id: s.id, moduleId: s.module_id, position: s.position })),
    progress.map((p) => ({
      userId: p.user_id,
      sectionId: p.section_id,
      seconds: p.time_spent_seconds,
      completed: p.completed_at !== null,
    })),
    finished,
  );
  const sectionText = new Map(sections.map((s) => [s.id, s]));
  const questionText = new Map(responses.map((r) => [r.question_id, r]));
  const dropOff = new Map(engagement.modules.map((m) => [codeOf.get(m.moduleId)!, m]));
  const certRows = certs
    .filter((c) => !revoked.has(c.id))
    .flatMap((c) => {
      const events: ('issued' | 'expiring')[] = [];
      if (inPeriod(c.issued_at)) events.push('issued');
      if (inPeriod(c.expires_at)) events.push('expiring');
      const holder = (JSON.parse(c.payload) as CertificatePayload).h;
      return events.map((event) => ({
        number: c.number,
        holder,
        moduleCode: c.code,
        issuedAt: c.issued_at,
        expiresAt: c.expires_at,
        event,
      }));
    })
    .sort((a, b) => a.event.localeCompare(b.event) || a.number.localeCompare(b.number));

  return {
    site: { name: site.name, timeZone: site.timezone },
    period: { ...period, granularity },
    totals: {
      attempts: periodAttempts.length,
      // People completing a module: one who passed it twice in the period completed it once.
      completions: new Set(periodAttempts.filter((a) => a.passed === 1).map((a) => `${a.user_id}|${a.code}`)).size,
      passRate: rate(periodAttempts.filter((a) => a.passed === 1).length, periodAttempts.length),
      meanScore: mean(scored(periodAttempts)),
      certificatesIssued: certRows.filter((c) => c.event === 'issued').length,
      certificatesExpiring: certRows.filter((c) => c.event === 'expiring').length,
    },
    trend: trainingTrend(
      attempts.map((a) => ({
        submittedAt: a.submitted_at!,
        score: a.score,
        passed: a.passed === 1,
        learner: `${a.user_id}|${a.code}`,
      })),
      period,
      granularity,
      site.timezone,
    ),
    modules: modules.map((m) => {
      const mine = periodAttempts.filter((a) => a.code === m.code);
      return {
        code: m.code,
        title: { en: m.title_en, fr: m.title_fr },
        attempts: mine.length,
        completions: new Set(mine.filter((a) => a.passed === 1).map((a) => a.user_id)).size,
        meanScore: mean(scored(mine)),
        started: dropOff.get(m.code)?.started ?? 0,
        stoppedAtAssessment: dropOff.get(m.code)?.stoppedAtAssessment ?? 0,
      };
    }),
    sections: engagement.sections
      .filter((s) => s.learners > 0 || s.stoppedHere > 0)
      .map((s) => {
        const t = sectionText.get(s.sectionId)!;
        return {
          sectionId: s.sectionId,
          moduleCode: codeOf.get(s.moduleId)!,
          position: s.position,
          title: { en: t.title_en, fr: t.title_fr },
          learners: s.learners,
          meanSeconds: s.meanSeconds,
          medianSeconds: s.medianSeconds,
          stoppedHere: s.stoppedHere,
        };
      })
      .sort((a, b) => a.moduleCode.localeCompare(b.moduleCode) || a.position - b.position),
    mostMissed: mostMissed(responses.map((r) => ({ questionId: r.question_id, correct: r.correct === 1 }))).map((m) => {
      const q = questionText.get(m.questionId)!;
      return { ...m, prompt: { en: q.prompt_en, fr: q.prompt_fr }, moduleCode: q.code };
    }),
    certificates: certRows,
  };
}
