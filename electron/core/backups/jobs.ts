import { BACKUP_EVERY_MINUTES } from '../../../shared/backups/retention.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { KioskBackups } from './kiosk-backups.js';

/** The kiosk backup every quarter of an hour (its retention runs with it). */
export function registerBackupJobs(jobs: JobScheduler, backups: Pick<KioskBackups, 'takeNow'>): void {
  jobs.register({
    id: 'backups.quarter-hour',
    schedule: { kind: 'every', minutes: BACKUP_EVERY_MINUTES },
    async run() {
      await backups.takeNow();
    },
  });
}
