import type { UpdatePlan } from '../../shared/updates/plan.js';
import { silentLog, type Log } from './log.js';
import type { InstallWindow, UpdateSettings } from './settings.js';

const MINUTES_PER_DAY = 24 * 60;

function clockMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Minutes since local midnight at `now`, in `timeZone` when given, else in the system zone. */
export function minutesOfDay(now: Date, timeZone?: string): number {
  if (!timeZone) return now.getHours() * 60 + now.getMinutes();
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * Whether an update may be installed at `now`: inside `[start, end)` in site local time. A window
 * whose end is before its start runs overnight (22:00–03:00 covers 23:30 and 01:00, not 12:00).
 * A window whose start equals its end covers the whole day.
 *
 * @example
 * mayInstallNow(new Date(2025, 0, 1, 3, 0), { start: '02:00', end: '05:00' }); // true
 * mayInstallNow(new Date(2025, 0, 1, 1, 0), { start: '22:00', end: '03:00' }); // true
 */
export function mayInstallNow(now: Date, window: InstallWindow, timeZone?: string): boolean {
  const t = minutesOfDay(now, timeZone);
  const start = clockMinutes(window.start);
  const end = clockMinutes(window.end);
  if (start === end) return true;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** Milliseconds from `now` until the install window next opens; 0 inside the window. */
export function msUntilWindowOpens(now: Date, window: InstallWindow, timeZone?: string): number {
  if (mayInstallNow(now, window, timeZone)) return 0;
  const minutes = (clockMinutes(window.start) - minutesOfDay(now, timeZone) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return minutes * 60_000 - (now.getSeconds() * 1000 + now.getMilliseconds());
}

/** The slice of electron-updater's `autoUpdater` this file uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  /** Set for going back to a pinned version older than the running one. */
  allowDowngrade: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface UpdateService {
  readonly enabled: boolean;
  stop(): void;
}

/** Never wait less than this before re-checking the window, so a clock jump cannot spin. */
const MIN_RECHECK_MS = 60_000;

/**
 * Keeps the kiosk up to date from the on-premises feed in `settings.url`. Downloads as soon as an
 * update is found; installs (quit, install, restart) only inside the install window, so no one
 * loses a half-finished assessment at 11:00. An update downloaded outside the window waits for it.
 * With no URL the updater is never touched. Network failures are logged, never fatal: ships are
 * offline for days.
 *
 * @example
 * const updates = startUpdates({ updater: autoUpdater, settings: settings.updates, log });
 * app.on('before-quit', () => updates.stop());
 */
export function startUpdates(deps: {
  updater: UpdaterLike;
  settings: UpdateSettings;
  /**
   * The site's staged-rollout plan for this kiosk, read before each check (shared/updates/plan.ts):
   * which feed folder, whether going back is allowed, the install window and the site's zone.
   * Absent: the feed at `settings.url` as it is, in the settings' window.
   */
  plan?: () => Promise<(UpdatePlan & { timeZone?: string }) | null>;
  now?: () => Date;
  timers?: Timers;
  log?: Log;
}): UpdateService {
  const { updater, settings, now = () => new Date(), timers = systemTimers, log = silentLog } = deps;
  if (!settings.url) {
    log.info({}, 'No update URL configured; updates are off');
    return { enabled: false, stop() {} };
  }

  updater.setFeedURL({ provider: 'generic', url: settings.url });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;

  let installTimer: unknown = null;
  let stopped = false;
  // The window and zone the site's plan set at the last check; the settings' until a plan is read.
  let window = settings.window;
  let timeZone = settings.timeZone;
  let feed = settings.url;

  const installWhenAllowed = () => {
    installTimer = null;
    if (stopped) return;
    const at = now();
    if (mayInstallNow(at, window, timeZone)) {
      log.info({ window }, 'Installing the downloaded update');
      updater.quitAndInstall(true, true);
      return;
    }
    const wait = Math.max(msUntilWindowOpens(at, window, timeZone), MIN_RECHECK_MS);
    log.info({ window, waitMs: wait }, 'Update downloaded; installing when the install window opens');
    installTimer = timers.setTimeout(installWhenAllowed, wait);
  };

  updater.on('update-downloaded', (info) => {
    log.info({ version: info.version }, 'Update downloaded');
    if (installTimer === null) installWhenAllowed();
  });
  updater.on('error', (error) => log.warn({ err: error }, 'Update check or download failed'));

  /** Follows the site's plan: its feed folder and window, or no check while outside the share. */
  const follow = async (): Promise<boolean> => {
    const plan = await deps.plan?.();
    if (!plan) return true;
    if (!plan.check) {
      log.info({ reason: plan.reason }, 'Not in the share of kiosks this site updates now; not checking');
      return false;
    }
    window = plan.window;
    if (plan.timeZone) timeZone = plan.timeZone;
    updater.allowDowngrade = plan.allowDowngrade;
    if (plan.feedUrl !== feed) {
      feed = plan.feedUrl;
      updater.setFeedURL({ provider: 'generic', url: feed });
      log.info({ feed, allowDowngrade: plan.allowDowngrade }, 'Update feed set by the site policy');
    }
    return true;
  };

  const checkNow = () =>
    updater.checkForUpdates().catch((err: unknown) => log.warn({ err }, 'Could not check for updates'));
  const check = () => {
    if (stopped) return;
    if (!deps.plan) return void checkNow();
    follow()
      .then((go) => (go && !stopped ? checkNow() : undefined))
      .catch((err: unknown) => log.warn({ err }, 'Could not read the site’s update policy'));
  };
  check();
  const checkTimer = timers.setInterval(check, settings.checkEveryMinutes * 60_000);

  return {
    enabled: true,
    stop() {
      stopped = true;
      timers.clearInterval(checkTimer);
      if (installTimer !== null) timers.clearTimeout(installTimer);
      installTimer = null;
    },
  };
}
