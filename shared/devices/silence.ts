/** How often a kiosk reports itself to its site (electron/core/devices/report-job.ts). */
export const REPORT_EVERY_MINUTES = 15;

/**
 * Whether a device's last report is too old for its link state to mean anything: two reports
 * missed (it is off, asleep, or cut off from the site). Its "link up" would then be a stale word.
 *
 * @example isSilent('2026-11-22T09:00:00Z', Date.parse('2026-11-22T09:40:00Z')) // true
 */
export function isSilent(reportedAt: string, now: number): boolean {
  const at = Date.parse(reportedAt);
  return Number.isNaN(at) || now - at > (2 * REPORT_EVERY_MINUTES + 1) * 60_000;
}
