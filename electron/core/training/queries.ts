import { missingPrerequisites, parsePrerequisites } from '../../../shared/training/prerequisites.js';
import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { certificateStatus } from '../../../shared/training/certificate-status.js';
import { moduleProgress, pathProgress } from '../../../shared/training/path-progress.js';
import { attemptAllowance } from '../../../shared/training/scoring.js';

/**
 * The kiosk's training reads, all derived from synced rows at read time: progress from section
 * rows, certificate status from expiry and revocations (so a kiosk that slept through the daily
 * job still shows an expired certificate as expired), path progress from passed modules.
 */
type Db = Kysely<SyncedDatabase>;

const l = (en: string, fr: string) => ({ en, fr });

/** Published modules this site offers: the organisation's and its own, newest version of each code. */
export async function offeredModules(db: Db, siteId: string) {
  const rows = await db
    .selectFrom('training_modules')
    .selectAll()
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', siteId)]))
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

export async function certificatesOf(db: Db, userId: string | null, siteId: string, now: string) {
  let q = db
    .selectFrom('training_certificates as c')
    .innerJoin('training_modules as m', 'm.id', 'c.module_id')
    .leftJoin('training_certificate_revocations as r', 'r.certificate_id', 'c.id')
    .select([
      'c.id',
      'c.user_id',
      'c.module_id',
      'c.number',
      'c.verification_code',
      'c.issued_at',
      'c.expires_at',
      'c.payload',
      'c.signature',
      'm.code',
      'm.title_en',
      'm.title_fr',
      'r.id as revocation_id',
    ])
    .where('c.site_id', '=', siteId);
  if (userId) q = q.where('c.user_id', '=', userId);
  const rows = await q.orderBy('c.issued_at', 'desc').execute();
  return rows.map((r) => ({ ...r, status: certificateStatus(r.expires_at, r.revocation_id !== null, now) }));
}

export async function catalog(db: Db, siteId: string, userId: string, roleCode: string, now: string) {
  const modules = await offeredModules(db, siteId);
  const ids = modules.map((m) => m.id);
  const [sections, questions, progress, attempts, certs, assignments, paths] = await Promise.all([
    ids.length
      ? db
          .selectFrom('training_sections')
          .select(['id', 'module_id'])
          .where('module_id', 'in', ids)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom('training_questions')
          .select(['id', 'module_id'])
          .where('module_id', 'in', ids)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    db
      .selectFrom('training_section_progress')
      .select(['section_id', 'completed_at', 'module_id'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('training_attempts as a')
      .innerJoin('training_modules as m', 'm.id', 'a.module_id')
      .select(['m.code', 'a.score', 'a.passed', 'a.submitted_at'])
      .where('a.user_id', '=', userId)
      .execute(),
    certificatesOf(db, userId, siteId, now),
    db
      .selectFrom('training_assignments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('training_paths')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', siteId)]))
      .orderBy('code')
      .execute(),
  ]);
  const completed = new Set(progress.filter((p) => p.completed_at).map((p) => p.section_id));
  const startedModules = new Set(progress.map((p) => p.module_id));
  const passedCodes = new Set(attempts.filter((a) => a.passed === 1).map((a) => a.code));
  const assignedCodes = new Map<string, string | null>();
  for (const a of assignments) if (a.module_code) assignedCodes.set(a.module_code, a.due_at);
  const pathDue = new Map(assignments.filter((a) => a.path_id).map((a) => [a.path_id!, a.due_at]));
  // A path counts as the person's when assigned to them or meant for their role.
  const myPaths = paths.filter((p) => pathDue.has(p.id) || (JSON.parse(p.role_codes) as string[]).includes(roleCode));
  for (const p of myPaths)
    for (const c of JSON.parse(p.module_codes) as string[])
      if (!assignedCodes.has(c)) assignedCodes.set(c, pathDue.get(p.id) ?? null);

  const byCode = new Map(modules.map((m) => [m.code, m]));
  const summaries = modules.map((m) => {
    const secIds = sections.filter((s) => s.module_id === m.id).map((s) => s.id);
    const percent = moduleProgress(secIds, completed);
    const mine = attempts.filter((a) => a.code === m.code && a.score !== null);
    const cert = certs.find((c) => c.code === m.code);
    const passed = passedCodes.has(m.code);
    return {
      id: m.id,
      code: m.code,
      version: m.version,
      title: l(m.title_en, m.title_fr),
      description: l(m.description_en, m.description_fr),
      difficulty: m.difficulty,
      estimatedMinutes: m.estimated_minutes,
      category: m.category,
      sectionCount: secIds.length,
      questionCount: questions.filter((q) => q.module_id === m.id).length,
      progressPercent: percent,
      status: (passed ? 'completed' : percent > 0 || startedModules.has(m.id) ? 'in_progress' : 'not_started') as
        'completed' | 'in_progress' | 'not_started',
      passed,
      bestScore: mine.length ? Math.max(...mine.map((a) => a.score!)) : null,
      certificate: cert ? { id: cert.id, status: cert.status, expiresAt: cert.expires_at } : null,
      missingPrerequisites: missingPrerequisites(parsePrerequisites(m.prerequisites), passedCodes),
      assigned: assignedCodes.has(m.code),
      dueAt: assignedCodes.get(m.code) ?? null,
    };
  });
  const startedCodes = new Set(summaries.filter((s) => s.status !== 'not_started').map((s) => s.code));
  return {
    modules: summaries,
    paths: myPaths.map((p) => {
      const codes = JSON.parse(p.module_codes) as string[];
      const pp = pathProgress(codes, passedCodes, startedCodes);
      const next = pp.nextCode ? byCode.get(pp.nextCode) : undefined;
      return {
        id: p.id,
        code: p.code,
        kind: p.kind,
        title: l(p.title_en, p.title_fr),
        percent: pp.percent,
        done: pp.done,
        total: pp.total,
        status: pp.status,
        next: next ? { id: next.id, code: next.code, title: l(next.title_en, next.title_fr) } : null,
        dueAt: pathDue.get(p.id) ?? null,
      };
    }),
  };
}

export async function moduleDetail(
  db: Db,
  siteId: string,
  userId: string,
  roleCode: string,
  moduleId: string,
  now: string,
) {
  const { modules } = await catalog(db, siteId, userId, roleCode, now);
  const summary = modules.find((m) => m.id === moduleId);
  const m = await db.selectFrom('training_modules').selectAll().where('id', '=', moduleId).executeTakeFirst();
  if (!m || (m.site_id !== null && m.site_id !== siteId)) return null;
  const [sections, progress, history] = await Promise.all([
    db
      .selectFrom('training_sections')
      .selectAll()
      .where('module_id', '=', moduleId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('training_section_progress')
      .selectAll()
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .execute(),
    db
      .selectFrom('training_attempts')
      .select(['submitted_at', 'passed'])
      .where('user_id', '=', userId)
      .where('module_id', '=', moduleId)
      .execute(),
  ]);
  const byId = new Map(progress.map((p) => [p.section_id, p]));
  const views = sections.map((s) => {
    const p = byId.get(s.id);
    return {
      id: s.id,
      position: s.position,
      title: l(s.title_en, s.title_fr),
      body: l(s.body_en, s.body_fr),
      image: s.image,
      completed: !!p?.completed_at,
      bookmarked: p?.bookmarked === 1,
      secondsSpent: p?.time_spent_seconds ?? 0,
    };
  });
  // Resume at the bookmark, else the section viewed last, else the first not completed.
  const lastViewed = [...progress].sort((a, b) => (a.last_viewed_at < b.last_viewed_at ? 1 : -1))[0];
  const bookmark = views.find((v) => v.bookmarked);
  const firstOpen = views.find((v) => !v.completed);
  const resume =
    bookmark?.id ??
    (lastViewed && !byId.get(lastViewed.section_id)?.completed_at ? lastViewed.section_id : firstOpen?.id) ??
    null;
  const allowance = attemptAllowance(
    history.map((h) => ({ submittedAt: h.submitted_at, passed: h.passed })),
    m.max_attempts,
    m.cooldown_minutes,
    now,
  );
  const base = summary ?? {
    id: m.id,
    code: m.code,
    version: m.version,
    title: l(m.title_en, m.title_fr),
    description: l(m.description_en, m.description_fr),
    difficulty: m.difficulty,
    estimatedMinutes: m.estimated_minutes,
    category: m.category,
    sectionCount: sections.length,
    questionCount: 0,
    progressPercent: 0,
    status: 'not_started' as const,
    passed: false,
    bestScore: null,
    certificate: null,
    missingPrerequisites: [],
    assigned: false,
    dueAt: null,
  };
  return {
    ...base,
    objectives: JSON.parse(m.objectives) as { en: string[]; fr: string[] },
    passThreshold: m.pass_threshold,
    sections: views,
    resumeSectionId: resume,
    attempts: {
      used: allowance.used,
      max: m.max_attempts,
      allowed: allowance.allowed,
      reason: allowance.reason ?? null,
      opensAt: allowance.opensAt ?? null,
    },
  };
}
