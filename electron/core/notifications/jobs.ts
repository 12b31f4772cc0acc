import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { raiseNotification, type RaiseArgs } from '../../../shared/notifications/mutations.js';
import { notificationId } from '../../../shared/notifications/recipients.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import type { HealthResult } from '../../../shared/health/thresholds.js';
import type { SwitchEvent } from '../../../shared/sync/link-monitor.js';
import { certificateNotices, escalationNotices, trainingReminders, type SiteRef } from './sources.js';
import { failoverNotices, fuelAnomalyNotices, healthNotices, reportNotices } from './site-sources.js';

const DEVICE = { userId: null, permissions: [] } as const;

/** Tables whose changes can call for a notification; the watch's own writes are not among them. */
const SOURCE_TABLES = new Set([
  'incident_escalations',
  'training_assignments',
  'training_certificates',
  'user_roles',
  'compliance_schedules',
  'fuel_anomalies',
]);

/** How often the kiosk derives notifications: an escalation reaches the locked screen within this. */
export const NOTIFICATION_CHECK_MS = 30_000;

export interface NotificationWatch {
  /** Runs one check now (also what the timer runs); settles when it is done, with how many it raised. */
  check(): Promise<number>;
  idle(): Promise<unknown>;
  stop(): void;
}

/**
 * Raises the site's notifications on board with no link: training reminders, certificate expiry
 * warnings, incident escalations, compliance reports due or missed, open fuel anomalies, and this
 * kiosk's critical health readings and link failovers, every 30 seconds of the injected clock. Ids derive from
 * (kind, subject, recipient, period), so every kiosk of the site may run this and each is raised
 * once; ids already present are skipped before any mutation runs.
 *
 * @example
 * const watch = startNotificationWatch({ store, runner, clock, log, site: async () => ({ id, kind: 'vessel' }) });
 */
export function startNotificationWatch(deps: {
  store: Store;
  runner: MutationRunner;
  clock: Clock;
  site: () => Promise<SiteRef | null>;
  log: Logger;
  /** Core events: a change to a source table (an escalation raised, training assigned) checks at once. */
  events?: EventBus;
  everyMs?: number;
  /** This kiosk: the subject of its own health alerts and failovers (none: those are not raised). */
  deviceId?: string;
  /** This kiosk's health readings (electron/core/health/health-readings.ts). */
  health?: () => Promise<readonly HealthResult<string>[]>;
  /** This kiosk's link switches to shore, oldest first (the link monitor's history). */
  linkSwitches?: () => readonly SwitchEvent[];
}): NotificationWatch {
  // The synced tables only: what the sources read, the same shape as on the server.
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  let running: Promise<number> = Promise.resolve(0);
  let busy = false;

  /** The kiosk's own readings: a reading that cannot be taken is logged and tells nobody. */
  const ownNotices = async (site: SiteRef, now: string): Promise<RaiseArgs[]> => {
    const id = deps.deviceId;
    if (!id) return [];
    const results = deps.health
      ? await deps.health().catch((err: unknown) => {
          deps.log.warn({ err }, 'health readings for notifications failed');
          return [];
        })
      : [];
    return [...healthNotices(site, id, results, now), ...failoverNotices(site, id, deps.linkSwitches?.() ?? [], now)];
  };

  const once = async (): Promise<number> => {
    const site = await deps.site().catch(() => null);
    if (!site) return 0;
    const now = new Date(deps.clock.now()).toISOString();
    const people = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('site_id', '=', site.id)
      .where('deleted_at', 'is', null)
      .execute();
    const atSite = new Set(people.map((p) => p.user_id));
    const wanted: RaiseArgs[] = [
      ...(await escalationNotices(db, site)),
      ...(await trainingReminders(db, site, now, atSite)),
      ...(await certificateNotices(db, site, now, atSite)),
      ...(await reportNotices(db, site, now)),
      ...(await fuelAnomalyNotices(db, site, now)),
      ...(await ownNotices(site, now)),
    ];
    if (!wanted.length) return 0;
    const idOf = (a: RaiseArgs) => notificationId(a.kind, a.subjectId, a.to, a.period);
    const have = new Set<string>();
    const ids = wanted.map(idOf);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('notifications')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) have.add(r.id);
    }
    let raised = 0;
    for (const a of wanted) {
      if (have.has(idOf(a))) continue;
      try {
        await deps.runner.run(raiseNotification, a, DEVICE);
        raised++;
      } catch (err) {
        deps.log.error({ err, kind: a.kind, subjectId: a.subjectId }, 'raising a notification failed');
      }
    }
    return raised;
  };

  // A change arriving while a check runs may have been read too early: one more check follows.
  let again = false;
  const check = (): Promise<number> => {
    if (busy) {
      again = true;
      return running;
    }
    busy = true;
    running = once()
      .catch((err) => {
        deps.log.error({ err }, 'notification check failed');
        return 0;
      })
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          void check();
        }
      });
    return running;
  };
  const stopTimer = deps.clock.every(deps.everyMs ?? NOTIFICATION_CHECK_MS, () => void check());
  const stopEvents = deps.events?.subscribe(({ event }) => {
    if (event.type === 'data.changed' && event.tables.some((t) => SOURCE_TABLES.has(t))) void check();
  });
  return {
    check,
    idle: () => running,
    stop() {
      stopTimer();
      stopEvents?.();
    },
  };
}
