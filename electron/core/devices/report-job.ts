import { reportDevice } from '../../../shared/devices/mutations.js';
import { REPORT_EVERY_MINUTES } from '../../../shared/devices/silence.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import { readSyncStatus, type LinkState } from '../status.js';

// How often a kiosk tells its site how it is: the "last seen" administrators read is this fresh.
export { REPORT_EVERY_MINUTES };

export interface DeviceReporter {
  /** Queues this kiosk's state now (at start, and from the quarter-hour job). Never throws. */
  report(): Promise<void>;
}

/**
 * This kiosk's own row of the site's devices, written through the `devices.report` mutation, so it
 * reaches the other kiosks (through the hub when shore is gone) and shore like any change.
 *
 * @example
 * const reporter = createDeviceReporter({ store, runner, clock, log, version: '1.4.0', name: () => 'Galley kiosk', link, route });
 * registerDeviceReportJob(jobs, reporter);
 */
export function createDeviceReporter(deps: {
  store: Store;
  runner: MutationRunner;
  clock: Clock;
  log: Logger;
  version: string;
  name: () => string;
  link: () => LinkState;
  /** The route upstream in use, when the kiosk has several. */
  route: () => string | null;
}): DeviceReporter {
  const version = /^[0-9A-Za-z.+-]{1,40}$/.test(deps.version) ? deps.version : '0.0.0';
  return {
    async report() {
      try {
        const link = deps.link();
        // Shore refuses this kiosk (revoked, or a restored shore lost it): a report would only wait
        // in the outbox, one more each quarter-hour, for a push that cannot happen.
        if (link.deviceUnknown) return;
        const status = await readSyncStatus(deps.store, link);
        await deps.runner.run(
          reportDevice,
          {
            name: deps.name().trim().slice(0, 80) || 'Kiosk',
            appVersion: version,
            online: link.online,
            route: deps.route()?.slice(0, 40) || null,
            lastSyncAt: status.lastSyncAt,
            pending: status.pendingCount,
            oldestPendingAt: status.oldestPendingAt,
            reportedAt: new Date(deps.clock.now()).toISOString(),
          },
          { userId: null, permissions: [] },
        );
      } catch (err) {
        deps.log.warn({ err }, 'could not report this device to its site');
      }
    },
  };
}

export function registerDeviceReportJob(jobs: JobScheduler, reporter: DeviceReporter): void {
  jobs.register({
    id: 'devices.report',
    schedule: { kind: 'every', minutes: REPORT_EVERY_MINUTES },
    run: () => reporter.report(),
  });
}
