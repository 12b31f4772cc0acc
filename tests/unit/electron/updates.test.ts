import { describe, expect, it, vi } from 'vitest';
import type { UpdateSettings } from '../../../electron/main/settings.js';
import {
  mayInstallNow,
  msUntilWindowOpens,
  startUpdates,
  type Timers,
  type UpdaterLike,
} from '../../../electron/main/updates.js';

/** A local wall-clock time on an ordinary day, whatever zone the test machine is in. */
const at = (hh: number, mm = 0, ss = 0) => new Date(2025, 2, 12, hh, mm, ss);

describe('mayInstallNow', () => {
  const night = { start: '02:00', end: '05:00' };

  it.each([
    [at(1, 59), false],
    [at(2, 0), true],
    [at(3, 30), true],
    [at(4, 59), true],
    [at(5, 0), false],
    [at(12, 0), false],
  ])('02:00–05:00 at %s → %s', (now, expected) => {
    expect(mayInstallNow(now, night)).toBe(expected);
  });

  const overnight = { start: '22:00', end: '03:00' };
  it.each([
    [at(21, 59), false],
    [at(22, 0), true],
    [at(23, 59), true],
    [at(0, 0), true],
    [at(2, 59), true],
    [at(3, 0), false],
    [at(12, 0), false],
  ])('a window crossing midnight, 22:00–03:00, at %s → %s', (now, expected) => {
    expect(mayInstallNow(now, overnight)).toBe(expected);
  });

  it('treats a window that starts at midnight like any other', () => {
    expect(mayInstallNow(at(0, 0), { start: '00:00', end: '01:00' })).toBe(true);
    expect(mayInstallNow(at(23, 59), { start: '00:00', end: '01:00' })).toBe(false);
  });

  it('treats a window ending at midnight as running to the end of the day', () => {
    expect(mayInstallNow(at(23, 59), { start: '23:00', end: '00:00' })).toBe(true);
    expect(mayInstallNow(at(0, 0), { start: '23:00', end: '00:00' })).toBe(false);
  });

  it('treats a window whose start equals its end as the whole day', () => {
    expect(mayInstallNow(at(12, 0), { start: '03:00', end: '03:00' })).toBe(true);
  });

  it('reads the clock in the site’s time zone when one is given', () => {
    const utc3am = new Date(Date.UTC(2025, 0, 15, 3, 0));
    expect(mayInstallNow(utc3am, night, 'UTC')).toBe(true);
    // 03:00 UTC is 22:00 the day before in New York (EST): outside the window there.
    expect(mayInstallNow(utc3am, night, 'America/New_York')).toBe(false);
    expect(mayInstallNow(utc3am, { start: '21:00', end: '23:00' }, 'America/New_York')).toBe(true);
  });
});

describe('msUntilWindowOpens', () => {
  const night = { start: '02:00', end: '05:00' };
  it('is 0 inside the window', () => {
    expect(msUntilWindowOpens(at(3, 0), night)).toBe(0);
  });
  it('counts to the start later the same night', () => {
    expect(msUntilWindowOpens(at(1, 30), night)).toBe(30 * 60_000);
  });
  it('counts across midnight to tomorrow’s window', () => {
    expect(msUntilWindowOpens(at(23, 0, 30), night)).toBe(3 * 3_600_000 - 30_000);
  });
});

function fakeUpdater() {
  const listeners = new Map<string, (arg: any) => void>();
  const updater = {
    autoDownload: false,
    allowDowngrade: false,
    autoInstallOnAppQuit: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null as unknown),
    quitAndInstall: vi.fn(),
    on: vi.fn((event: string, l: (arg: any) => void) => void listeners.set(event, l)),
    emit: (event: string, arg: unknown) => listeners.get(event)?.(arg),
  };
  return updater satisfies UpdaterLike;
}

function fakeTimers() {
  let next = 1;
  const timeouts = new Map<number, { cb: () => void; ms: number }>();
  const intervals = new Map<number, { cb: () => void; ms: number }>();
  const timers: Timers = {
    setTimeout: (cb, ms) => (timeouts.set(next, { cb, ms }), next++),
    clearTimeout: (h) => void timeouts.delete(h as number),
    setInterval: (cb, ms) => (intervals.set(next, { cb, ms }), next++),
    clearInterval: (h) => void intervals.delete(h as number),
  };
  const fireTimeouts = () => {
    const due = [...timeouts.entries()];
    timeouts.clear();
    due.forEach(([, t]) => t.cb());
  };
  return { timers, timeouts, intervals, fireTimeouts };
}

const settings = (overrides: Partial<UpdateSettings> = {}): UpdateSettings => ({
  url: 'http://onprem.local/shiftdeck/',
  window: { start: '02:00', end: '05:00' },
  checkEveryMinutes: 60,
  ...overrides,
});

describe('startUpdates', () => {
  it('never touches the updater when no URL is configured', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    const service = startUpdates({ updater, settings: settings({ url: null }), timers: t.timers });
    expect(service.enabled).toBe(false);
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(t.intervals.size).toBe(0);
  });

  it('points the updater at the configured generic feed, downloads automatically, never installs on quit', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    const service = startUpdates({ updater, settings: settings(), timers: t.timers, now: () => at(12) });
    expect(service.enabled).toBe(true);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'http://onprem.local/shiftdeck/' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect([...t.intervals.values()].map((i) => i.ms)).toEqual([60 * 60_000]);
  });

  it('checks again on every interval', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    startUpdates({ updater, settings: settings(), timers: t.timers });
    [...t.intervals.values()][0].cb();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('installs at once when the update arrives inside the window', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    startUpdates({ updater, settings: settings(), timers: t.timers, now: () => at(3) });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('defers an update downloaded during the day until the window opens', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    let now = at(14, 0);
    startUpdates({ updater, settings: settings(), timers: t.timers, now: () => now });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect([...t.timeouts.values()].map((x) => x.ms)).toEqual([12 * 3_600_000]);

    now = at(2, 0);
    t.fireTimeouts();
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('waits again when the timer fires early (clock change) instead of installing outside the window', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    let now = at(14, 0);
    startUpdates({ updater, settings: settings(), timers: t.timers, now: () => now });
    updater.emit('update-downloaded', { version: '0.2.0' });
    now = at(1, 0);
    t.fireTimeouts();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect([...t.timeouts.values()].map((x) => x.ms)).toEqual([3_600_000]);
  });

  it('keeps one pending install when several updates download before the window', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    startUpdates({ updater, settings: settings(), timers: t.timers, now: () => at(14) });
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('update-downloaded', { version: '0.2.1' });
    expect(t.timeouts.size).toBe(1);
  });

  it('stops checking and drops a pending install when stopped', () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    const service = startUpdates({ updater, settings: settings(), timers: t.timers, now: () => at(14) });
    updater.emit('update-downloaded', { version: '0.2.0' });
    service.stop();
    expect(t.timeouts.size).toBe(0);
    expect(t.intervals.size).toBe(0);
  });

  it('logs a failed check instead of crashing (ships are offline for days)', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND onprem.local'));
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    startUpdates({ updater, settings: settings(), timers: fakeTimers().timers, log });
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalled());
    updater.emit('error', new Error('boom'));
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('follows the site’s plan: its feed folder, going back allowed for a pinned version, its window and zone', async () => {
    const updater = fakeUpdater();
    const t = fakeTimers();
    let plan: Parameters<typeof startUpdates>[0]['plan'] = async () => ({
      check: true,
      feedUrl: 'http://onprem.local/shiftdeck/versions/1.3.0/',
      allowDowngrade: true,
      window: { start: '12:00', end: '13:00' },
      timeZone: 'UTC',
    });
    const noonUtc = new Date(Date.UTC(2025, 2, 12, 12, 30));
    startUpdates({ updater, settings: settings(), timers: t.timers, now: () => noonUtc, plan: () => plan!() });
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledOnce());
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({
      provider: 'generic',
      url: 'http://onprem.local/shiftdeck/versions/1.3.0/',
    });
    expect(updater.allowDowngrade).toBe(true);
    // 12:30 UTC is inside the site's window (not the settings' 02:00-05:00): installs at once.
    updater.emit('update-downloaded', { version: '1.3.0' });
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);

    // Outside the share of kiosks the site updates now: no check at all.
    plan = async () => ({ check: false, reason: 'not_in_share' });
    [...t.intervals.values()][0].cb();
    await new Promise((r) => setTimeout(r, 10));
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
  });
});
