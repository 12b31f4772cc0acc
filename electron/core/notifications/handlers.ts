import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { OPEN_STAGES } from '../../../shared/incidents/workflow.js';
import { URGENCY_RANK } from '../../../shared/notifications/kinds.js';
import type { notificationsContract } from '../../../shared/notifications/contract.js';
import { acknowledgeNotification } from '../../../shared/notifications/mutations.js';
import { isRecipient } from '../../../shared/notifications/recipients.js';
import type { NotificationRow } from '../../../shared/notifications/schema.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { peopleAtSite, type Person } from '../auth/people.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { createPreferenceHandlers } from './preference-handlers.js';
import { settledNotices } from '../../../shared/notifications/settled.js';

type NotificationsHandlers = Pick<Handlers, keyof typeof notificationsContract>;
type Row = NotificationRow & { escalation_acknowledged_at: string | null; incident_stage: string | null };
const OPEN: ReadonlySet<string> = new Set(OPEN_STAGES);

const parseParams = (json: string): Record<string, string | number | null> => {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string | number | null>) : {};
  } catch {
    return {};
  }
};

/** Urgent lanes first, newest first within a lane (id breaks ties: rows raised in one millisecond). */
const byUrgencyThenNewest = (a: Row, b: Row) =>
  URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
  b.raised_at.localeCompare(a.raised_at) ||
  b.id.localeCompare(a.id);

/** Handlers of the notifications area's API methods (shared/notifications/contract.ts). */
export function createNotificationsHandlers(deps: HandlerDeps): NotificationsHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;

  /**
   * Open notifications of the site: not acknowledged, and for an escalation, the escalation not
   * acknowledged either (someone answered it in the incident's own screen, or on another kiosk).
   */
  const open = async (siteId: string, where: { urgentOnly?: boolean; person?: Person }) => {
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('incident_escalations as e', (j) =>
        j.onRef('e.id', '=', 'n.subject_id').on('n.subject_kind', '=', 'incident_escalation'),
      )
      .leftJoin('incidents as i', 'i.id', 'e.incident_id')
      .selectAll('n')
      .select(['e.acknowledged_at as escalation_acknowledged_at', 'i.stage as incident_stage'])
      .where('n.site_id', '=', siteId)
      .where('n.acknowledged_at', 'is', null);
    if (where.urgentOnly) q = q.where('n.urgency', '=', 'urgent');
    const person = where.person;
    if (person)
      q = q.where((eb) =>
        eb.or([eb('n.recipient_user_id', '=', person.id), eb('n.recipient_role', '=', person.roleCode)]),
      );
    const rows = (await q.limit(500).execute()) as Row[];
    const settled = await settledNotices(db, rows);
    // A later step of the same reminder (due tomorrow after due in a week) replaces the earlier one,
    // and a notification whose subject was dealt with (the report submitted) leaves the list.
    const latest = new Map<string, Row>();
    for (const r of rows) {
      if (r.escalation_acknowledged_at !== null || settled.has(r.id)) continue;
      // An escalation of an incident since resolved or closed no longer calls anyone.
      if (r.incident_stage && !OPEN.has(r.incident_stage)) continue;
      // A report's periods are separate duties (yesterday's missed, today's due); reminders of one
      // assignment are steps of one.
      const period = parseParams(r.params).period ?? '';
      const key = `${r.subject_kind}|${r.subject_id}|${period}|${r.recipient_user_id ?? ''}|${r.recipient_role ?? ''}`;
      const seen = latest.get(key);
      if (!seen || byUrgencyThenNewest(r, seen) < 0) latest.set(key, r);
    }
    return [...latest.values()].sort(byUrgencyThenNewest);
  };

  /** The urgent cards (subject and period) someone of their roles has already acknowledged. */
  const answeredAlerts = async (rows: readonly Row[]): Promise<Set<string>> => {
    const ids = [...new Set(rows.map((r) => r.subject_id))];
    if (!ids.length) return new Set();
    const done = await db
      .selectFrom('notifications')
      .select(['subject_kind', 'subject_id', 'period'])
      .where('subject_id', 'in', ids)
      .where('urgency', '=', 'urgent')
      .where('acknowledged_at', 'is not', null)
      .execute();
    return new Set(done.map((d) => `${d.subject_kind}|${d.subject_id}|${d.period}`));
  };

  const entry = (r: Row, names: ReadonlyMap<string, string>) => ({
    id: r.id,
    kind: r.kind,
    urgency: r.urgency,
    params: parseParams(r.params),
    raisedAt: r.raised_at,
    recipientName: r.recipient_user_id ? (names.get(r.recipient_user_id) ?? null) : null,
    recipientRole: r.recipient_role,
    personName: (() => {
      const id = parseParams(r.params).personId;
      return typeof id === 'string' ? (names.get(id) ?? null) : null;
    })(),
  });

  const acknowledge = async (notificationId: string, actor: { userId: string; permissions: readonly string[] }) => {
    await deps.runner.run(acknowledgeNotification, { notificationId }, actor);
    return { ok: true as const };
  };

  return {
    ...createPreferenceHandlers(deps),
    'notifications.mine': async (_input, ctx) => {
      const site = await deps.site();
      const person = ctx.signedIn!.person;
      const [rows, people] = await Promise.all([open(site.id, { person }), peopleAtSite(deps.store.db, site.id)]);
      const names = new Map(people.map((p) => [p.id, p.displayName]));
      return rows.map((r) => entry(r, names));
    },
    'notifications.urgent': async () => {
      const site = await deps.site();
      const [rows, people] = await Promise.all([
        open(site.id, { urgentOnly: true }),
        peopleAtSite(deps.store.db, site.id),
      ]);
      const names = new Map(people.map((p) => [p.id, p.displayName]));
      // One card per subject and period: an escalation goes to each role of its level, a kiosk's
      // critical reading to each supervising role, and any of them answers it for the screen (each
      // role's own row stays open, so shore still tells the others).
      const answered = await answeredAlerts(rows);
      const bySubject = new Map<string, { first: Row; all: Row[] }>();
      for (const r of rows) {
        const key = `${r.subject_kind}|${r.subject_id}|${r.period}`;
        if (answered.has(key)) continue;
        const g = bySubject.get(key);
        if (g) g.all.push(r);
        else bySubject.set(key, { first: r, all: [r] });
      }
      return [...bySubject.values()].map(({ first, all }) => ({
        ...entry(first, names),
        eligible: people
          .filter((p) => all.some((r) => isRecipient(r, p)))
          .map((p) => ({ id: p.id, name: p.displayName })),
      }));
    },
    'notifications.acknowledge': async (input) => {
      // The PIN proves who is acknowledging, whoever is signed in (or nobody, at a locked kiosk).
      const who = await deps.auth.confirmOtherPin(input.userId, input.pin);
      const site = await deps.site();
      const [person] = await peopleAtSite(deps.store.db, site.id, who.id);
      // The card shows one of the subject's notifications; the person answers the one that is theirs.
      const shown = await db
        .selectFrom('notifications')
        .select(['subject_kind', 'subject_id', 'period'])
        .where('id', '=', input.notificationId)
        .where('site_id', '=', site.id)
        .executeTakeFirst();
      const siblings = shown
        ? await db
            .selectFrom('notifications')
            .select(['id', 'recipient_user_id', 'recipient_role'])
            .where('site_id', '=', site.id)
            .where('subject_kind', '=', shown.subject_kind)
            .where('subject_id', '=', shown.subject_id)
            .where('period', '=', shown.period)
            .where('acknowledged_at', 'is', null)
            .execute()
        : [];
      const mine = person ? siblings.find((n) => isRecipient(n, person)) : undefined;
      return acknowledge(mine?.id ?? input.notificationId, { userId: who.id, permissions: who.permissions });
    },
    'notifications.dismiss': async (input, ctx) => {
      const site = await deps.site();
      const n = await db
        .selectFrom('notifications')
        .select('urgency')
        .where('id', '=', input.notificationId)
        .where('site_id', '=', site.id)
        .executeTakeFirst();
      if (n?.urgency === 'urgent')
        throw new AppError('VALIDATION_FAILED', 'An urgent notification is acknowledged with a PIN, not dismissed.', {
          field: 'notificationId',
        });
      const person = ctx.signedIn!.person;
      return acknowledge(input.notificationId, { userId: person.id, permissions: person.permissions });
    },
  };
}
