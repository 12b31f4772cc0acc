import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { certificateStatus } from '../../../shared/training/certificate-status.js';
import { atRiskLearners, median, rate } from '../../../shared/training/kpis.js';
import { misconceptionsAt } from './misconceptions.js';
import { offeredModules } from './queries.js';

/** The seeds' targets: 85 % completion, 80 % pass. */
export const TARGETS = { completion: 85, pass: 80 } as const;

/**
 * Supervisors' numbers for this site, computed from the rows at read time: completion (learners
 * with a passed attempt / learners who were assigned or started the module), pass rate (passed /
 * submitted attempts), average and median score, active learners in 24 h, certificates issued and
 * expiring within 30 days, and learners at risk (overdue assignments, repeated fails).
 */
export async function trainingAnalytics(db: Kysely<SyncedDatabase>, siteId: string, now: string) {
  const modules = await offeredModules(db, siteId);
  const [attempts, progress, certs, revocations, assignments, people, paths] = await Promise.all([
    db
      .selectFrom('training_attempts as a')
      .innerJoin('training_modules as m', 'm.id', 'a.module_id')
      .select(['a.user_id', 'm.code', 'a.score', 'a.passed', 'a.submitted_at', 'a.started_at'])
      .where('a.site_id', '=', siteId)
      .execute(),
    db
      .selectFrom('training_section_progress as p')
      .innerJoin('training_modules as m', 'm.id', 'p.module_id')
      .select(['p.user_id', 'm.code', 'p.last_viewed_at'])
      .where('p.site_id', '=', siteId)
      .execute(),
    db
      .selectFrom('training_certificates as c')
      .innerJoin('training_modules as m', 'm.id', 'c.module_id')
      .select(['c.id', 'c.expires_at', 'c.user_id', 'm.code'])
      .where('c.site_id', '=', siteId)
      .execute(),
    db.selectFrom('training_certificate_revocations').select('certificate_id').where('site_id', '=', siteId).execute(),
    db
      .selectFrom('training_assignments')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('deleted_at', 'is', null)
      .execute(),
    db.selectFrom('users').select(['id', 'display_name']).where('site_id', '=', siteId).execute(),
    db.selectFrom('training_paths').select(['id', 'module_codes']).execute(),
  ]);
  const pathCodes = new Map(paths.map((p) => [p.id, JSON.parse(p.module_codes) as string[]]));
  const assignedCodes = (a: (typeof assignments)[number]) =>
    a.module_code ? [a.module_code] : (pathCodes.get(a.path_id ?? '') ?? []);
  const submitted = attempts.filter((a) => a.submitted_at !== null);
  const passedPairs = new Set(submitted.filter((a) => a.passed === 1).map((a) => `${a.user_id}|${a.code}`));

  const perModule = modules.map((m) => {
    const learners = new Set<string>([
      ...assignments.filter((a) => assignedCodes(a).includes(m.code)).map((a) => a.user_id),
      ...progress.filter((p) => p.code === m.code).map((p) => p.user_id),
      ...attempts.filter((a) => a.code === m.code).map((a) => a.user_id),
    ]);
    const done = [...learners].filter((u) => passedPairs.has(`${u}|${m.code}`)).length;
    const sub = submitted.filter((a) => a.code === m.code);
    const scores = sub.map((a) => a.score!).filter((s) => s !== null);
    return {
      id: m.id,
      code: m.code,
      title: { en: m.title_en, fr: m.title_fr },
      learners: learners.size,
      done,
      completionRate: rate(done, learners.size),
      passRate: rate(sub.filter((a) => a.passed === 1).length, sub.length),
      averageScore: scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10 : null,
      medianScore: median(scores),
      attempts: sub.length,
    };
  });
  const allScores = submitted.map((a) => a.score!).filter((s) => s !== null);
  const dayAgo = new Date(Date.parse(now) - 86_400_000).toISOString();
  const active = new Set([
    ...progress.filter((p) => p.last_viewed_at >= dayAgo).map((p) => p.user_id),
    ...attempts.filter((a) => a.started_at >= dayAgo).map((a) => a.user_id),
  ]);
  const revoked = new Set(revocations.map((r) => r.certificate_id));
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  // Reasons name the module as people know it; the code stays for tools and tests.
  const titles = new Map(modules.map((m) => [m.code, { en: m.title_en, fr: m.title_fr }]));
  const learnersTotal = perModule.reduce((s, m) => s + m.learners, 0);
  const doneTotal = perModule.reduce((s, m) => s + m.done, 0);
  return {
    targets: { ...TARGETS },
    overall: {
      completionRate: rate(doneTotal, learnersTotal),
      passRate: rate(submitted.filter((a) => a.passed === 1).length, submitted.length),
      averageScore: allScores.length
        ? Math.round((allScores.reduce((s, x) => s + x, 0) / allScores.length) * 10) / 10
        : null,
      medianScore: median(allScores),
      activeLearners24h: active.size,
      certificatesIssued: certs.length,
      expiringWithin30Days: certs.filter((c) => certificateStatus(c.expires_at, revoked.has(c.id), now) === 'expiring')
        .length,
      learners: new Set(
        perModule.length
          ? [...progress.map((p) => p.user_id), ...attempts.map((a) => a.user_id), ...assignments.map((a) => a.user_id)]
          : [],
      ).size,
    },
    modules: perModule.map(({ learners, done, ...m }) => (void learners, void done, m)),
    atRisk: atRiskLearners({
      now,
      assignments: assignments.flatMap((a) =>
        assignedCodes(a).map((code) => ({ userId: a.user_id, code, dueAt: a.due_at })),
      ),
      passed: passedPairs,
      certified: new Set(
        certs
          .filter((c) => ['valid', 'expiring'].includes(certificateStatus(c.expires_at, revoked.has(c.id), now)))
          .map((c) => `${c.user_id}|${c.code}`),
      ),
      failures: submitted.filter((a) => a.passed !== 1).map((a) => ({ userId: a.user_id, code: a.code })),
    }).map((r) => ({
      ...r,
      name: names.get(r.userId) ?? '?',
      reasons: r.reasons.map((x) => ({ ...x, title: titles.get(x.detail) ?? { en: x.detail, fr: x.detail } })),
    })),
    misconceptions: await misconceptionsAt(db, siteId),
  };
}
