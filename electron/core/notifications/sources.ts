import type { Kysely } from 'kysely';
import { ESCALATION_CHAINS } from '../../../shared/incidents/escalation.js';
import { OPEN_STAGES } from '../../../shared/incidents/workflow.js';
import type { RaiseArgs } from '../../../shared/notifications/mutations.js';
import { supervisorRoles, type Recipient } from '../../../shared/notifications/recipients.js';
import { assignmentStep, certificateStep } from '../../../shared/notifications/training-reminders.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { pathProgress } from '../../../shared/training/path-progress.js';
import { certificatesOf } from '../training/queries.js';

type Db = Kysely<SyncedDatabase>;
export interface SiteRef {
  id: string;
  kind: 'vessel' | 'restaurant';
  /** The site's IANA zone: report periods and due times are in it (UTC when not known). */
  timezone?: string;
}

/** A person and the person's supervisors: who assigned the training, or the site kind's roles for `kind`. */
function withSupervisors(
  kind: RaiseArgs['kind'],
  site: SiteRef,
  userId: string,
  assignedBy: string | null,
  atSite: ReadonlySet<string>,
): Recipient[] {
  const to: Recipient[] = [{ userId }];
  if (assignedBy && assignedBy !== userId && atSite.has(assignedBy)) to.push({ userId: assignedBy });
  else for (const role of supervisorRoles(kind, site.kind)) to.push({ role });
  return to;
}

const parseCodes = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Reminders of assigned training not yet passed: a week before it is due, a day before, and once
 * overdue, to the person and their supervisor. The period holds the due date, so a new due date
 * reminds again.
 */
export async function trainingReminders(db: Db, site: SiteRef, now: string, atSite: ReadonlySet<string>) {
  const assignments = await db
    .selectFrom('training_assignments')
    .select(['id', 'user_id', 'path_id', 'module_code', 'due_at', 'assigned_by'])
    .where('site_id', '=', site.id)
    .where('deleted_at', 'is', null)
    .where('due_at', 'is not', null)
    .execute();
  const due = assignments
    .map((a) => ({ ...a, step: assignmentStep(a.due_at, now) }))
    .filter((a) => a.step !== null && atSite.has(a.user_id));
  if (!due.length) return [];
  const users = [...new Set(due.map((a) => a.user_id))];
  const [passed, certs, paths, modules] = await Promise.all([
    db
      .selectFrom('training_attempts as a')
      .innerJoin('training_modules as m', 'm.id', 'a.module_id')
      .select(['a.user_id', 'm.code'])
      .where('a.user_id', 'in', users)
      .where('a.passed', '=', 1)
      .execute(),
    certificatesOf(db, null, site.id, now),
    db.selectFrom('training_paths').select(['id', 'code', 'title_en', 'title_fr', 'module_codes']).execute(),
    db
      .selectFrom('training_modules')
      .select(['code', 'title_en', 'title_fr'])
      .where('status', '=', 'published')
      .execute(),
  ]);
  const passedBy = new Map<string, Set<string>>();
  const mark = (userId: string, code: string) => {
    let s = passedBy.get(userId);
    if (!s) passedBy.set(userId, (s = new Set()));
    s.add(code);
  };
  for (const p of passed) mark(p.user_id, p.code);
  for (const c of certs) if (c.status === 'valid' || c.status === 'expiring') mark(c.user_id, c.code);
  const pathById = new Map(paths.map((p) => [p.id, p]));
  const moduleByCode = new Map(modules.map((m) => [m.code, m]));

  const out: RaiseArgs[] = [];
  for (const a of due) {
    const done = passedBy.get(a.user_id) ?? new Set<string>();
    const path = a.path_id ? pathById.get(a.path_id) : undefined;
    const mod = a.module_code ? moduleByCode.get(a.module_code) : undefined;
    if (path ? pathProgress(parseCodes(path.module_codes), done).status === 'completed' : done.has(a.module_code ?? ''))
      continue;
    const title = path ?? mod;
    const kind = a.step === 'overdue' ? 'training_overdue' : 'training_due';
    for (const to of withSupervisors(kind, site, a.user_id, a.assigned_by, atSite))
      out.push({
        kind,
        subjectKind: 'training_assignment',
        subjectId: a.id,
        to,
        period: `${a.step}|${a.due_at}`,
        params: {
          personId: a.user_id,
          code: path?.code ?? a.module_code ?? '',
          titleEn: title?.title_en ?? a.module_code ?? '',
          titleFr: title?.title_fr ?? a.module_code ?? '',
          dueAt: a.due_at,
        },
      });
  }
  return out;
}

/**
 * Certificates expiring within 30 days, then within 7, to the holder and the supervisors; one
 * renewed since (a later certificate of the same module) or revoked says nothing. Certificates
 * issued in the last week tell their holder.
 */
export async function certificateNotices(db: Db, site: SiteRef, now: string, atSite: ReadonlySet<string>) {
  const certs = (await certificatesOf(db, null, site.id, now)).filter((c) => atSite.has(c.user_id));
  const latest = new Map<string, (typeof certs)[number]>();
  for (const c of certs) {
    const key = `${c.user_id}|${c.module_id}`;
    const seen = latest.get(key);
    if (!seen || c.issued_at > seen.issued_at) latest.set(key, c);
  }
  const out: RaiseArgs[] = [];
  const weekAgo = new Date(Date.parse(now) - 7 * 86_400_000).toISOString();
  for (const c of latest.values()) {
    if (c.revocation_id !== null) continue;
    const params = {
      personId: c.user_id,
      code: c.code,
      titleEn: c.title_en,
      titleFr: c.title_fr,
      expiresAt: c.expires_at,
    };
    if (c.issued_at >= weekAgo)
      out.push({
        kind: 'certificate_issued',
        subjectKind: 'training_certificate',
        subjectId: c.id,
        to: { userId: c.user_id },
        period: 'issued',
        params: { ...params, number: c.number },
      });
    const step = certificateStep(c.expires_at, now);
    if (!step) continue;
    for (const to of withSupervisors('certificate_expiring', site, c.user_id, null, atSite))
      out.push({
        kind: 'certificate_expiring',
        subjectKind: 'training_certificate',
        subjectId: c.id,
        to,
        period: `${step}|${c.expires_at}`,
        params,
      });
  }
  return out;
}

/**
 * Each unacknowledged escalation of an open incident, to the roles of its level in the site's
 * chain: a breached SLA as `sla_breached`, the rest as `incident_escalated`; both urgent.
 */
export async function escalationNotices(db: Db, site: SiteRef) {
  const rows = await db
    .selectFrom('incident_escalations as e')
    .innerJoin('incidents as i', 'i.id', 'e.incident_id')
    .select(['e.id', 'e.level', 'e.reason', 'e.incident_id', 'i.severity', 'i.type', 'i.what_happened'])
    .where('e.site_id', '=', site.id)
    .where('e.acknowledged_at', 'is', null)
    .where('i.deleted_at', 'is', null)
    // A resolved or closed incident calls nobody any more, answered or not.
    .where('i.stage', 'in', [...OPEN_STAGES])
    .execute();
  const out: RaiseArgs[] = [];
  for (const e of rows) {
    const level = ESCALATION_CHAINS[site.kind].find((l) => l.level === e.level);
    if (!level) continue;
    for (const role of level.roles)
      out.push({
        kind: e.reason === 'sla_breach' ? 'sla_breached' : 'incident_escalated',
        subjectKind: 'incident_escalation',
        subjectId: e.id,
        to: { role },
        period: `level-${e.level}`,
        params: {
          incidentId: e.incident_id,
          level: e.level,
          levelEn: level.name.en,
          levelFr: level.name.fr,
          severity: e.severity,
          type: e.type,
          whatHappened: e.what_happened.slice(0, 500),
        },
      });
  }
  return out;
}
