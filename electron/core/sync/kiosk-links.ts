import { createLinkMonitor, routeSchema, type MonitorConfig, type Route } from '../../../shared/sync/link-monitor.js';
import type { HealthSummary } from '../../../shared/sync/link-health.js';
import type { SwitchEvent } from '../../../shared/sync/link-monitor.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import { createLinkProber, type LinkProber } from './link-prober.js';

export interface KioskLinksOptions {
  routes: Route[];
  monitor?: Partial<MonitorConfig>;
  store: Store;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  onSwitch?(event: SwitchEvent): void;
  onHealth?(summary: HealthSummary): void;
}

/**
 * The routes a kiosk was configured with, checked, a monitor over them and its prober; the number
 * of changes queued at a switch is read from the outbox. Kept out of kiosk.ts so that its wiring
 * stays one call.
 */
export function createKioskLinks(opts: KioskLinksOptions): LinkProber {
  const routes = opts.routes.map((r, i) => {
    const parsed = routeSchema.safeParse(r);
    if (!parsed.success)
      throw new AppError(
        'VALIDATION_FAILED',
        `Route ${i + 1} of the sync links is not valid (${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}). Fix it in the kiosk's settings.`,
        { field: `routes.${i}` },
      );
    return parsed.data;
  });
  const count = opts.store.raw.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'");
  return createLinkProber({
    monitor: createLinkMonitor(routes, opts.monitor),
    clock: opts.clock,
    fetch: opts.fetch ?? fetch,
    log: opts.log,
    queued: () => (count.get() as { n: number }).n,
    onSwitch: opts.onSwitch,
    onHealth: opts.onHealth,
  });
}
