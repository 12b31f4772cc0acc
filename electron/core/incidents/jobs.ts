import { autoLevel, levelsToRaise } from '../../../shared/incidents/escalation.js';
import { autoEscalateIncident } from '../../../shared/incidents/mutations.js';
import { slaOf } from '../../../shared/incidents/sla.js';
import { OPEN_STAGES } from '../../../shared/incidents/workflow.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import { eventsByIncident, targetsAt, type Db } from './queries.js';

const DEVICE = { userId: null, permissions: [] } as const;

/** How often the kiosk looks for breached SLAs: a breach is raised within this of its deadline. */
export const ESCALATION_CHECK_MS = 30_000;

export interface EscalationWatch {
  /** Runs one check now (also what the timer runs); settles when it is done. */
  check(): Promise<void>;
  /** Settles when no check is running. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Escalates on board with no link: every 30 seconds of the injected clock, each open incident of
 * the site whose severity and SLA call for a higher level than it has is escalated (a critical one
 * to level 1, one level per breached target). Escalation ids derive from (incident, level), so
 * every kiosk of the site may run this and each level is still raised once.
 *
 * @example
 * const watch = startEscalationWatch({ store, runner, clock, siteId: async () => site.id, log });
 */
export function startEscalationWatch(deps: {
  store: Store;
  runner: MutationRunner;
  clock: Clock;
  siteId: () => Promise<string | null>;
  log: Logger;
  everyMs?: number;
}): EscalationWatch {
  const db = deps.store.db as unknown as Db;
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const once = async () => {
    const siteId = await deps.siteId().catch(() => null);
    if (!siteId) return;
    const now = new Date(deps.clock.now()).toISOString();
    const open = await db
      .selectFrom('incidents')
      .select(['id', 'severity', 'stage', 'created_at'])
      .where('site_id', '=', siteId)
      .where('deleted_at', 'is', null)
      .where('stage', 'in', [...OPEN_STAGES])
      .execute();
    if (!open.length) return;
    const ids = open.map((i) => i.id);
    const [events, targets, raised] = await Promise.all([
      eventsByIncident(db, siteId, ids),
      targetsAt(db, siteId),
      db.selectFrom('incident_escalations').select(['incident_id', 'level']).where('incident_id', 'in', ids).execute(),
    ]);
    for (const i of open) {
      const sla = slaOf({
        reportedAt: i.created_at,
        stage: i.stage,
        events: events.get(i.id) ?? [],
        target: targets[i.severity],
        now,
      });
      const wanted = autoLevel(i.severity, sla);
      const have = raised.filter((r) => r.incident_id === i.id).map((r) => r.level);
      if (!levelsToRaise(wanted, have).length) continue;
      try {
        await deps.runner.run(autoEscalateIncident, { incidentId: i.id, level: wanted, note: '' }, DEVICE);
      } catch (err) {
        deps.log.error({ err, incidentId: i.id, level: wanted }, 'automatic escalation failed');
      }
    }
  };

  const check = () => {
    if (busy) return running;
    busy = true;
    running = once()
      .catch((err) => deps.log.error({ err }, 'escalation check failed'))
      .finally(() => {
        busy = false;
      });
    return running;
  };
  const stop = deps.clock.every(deps.everyMs ?? ESCALATION_CHECK_MS, () => void check());
  return { check, idle: () => running, stop };
}
