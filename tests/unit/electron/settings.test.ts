import { describe, expect, it, vi } from 'vitest';
import { enrolPayload } from '../../../shared/devices/enrol-payload.js';
import { applyLaunchOverrides, defaultSettings, loadSettings, settingsPath } from '../../../electron/main/settings.js';

function recorder() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}
const fromText = (text: string) => () => text;

describe('settings file', () => {
  it('is settings.json in the userData folder', () => {
    expect(settingsPath('/home/kiosk/.config/Shiftdeck')).toMatch(/Shiftdeck[\\/]settings\.json$/);
  });

  it('defaults to updates off, a 02:00–05:00 install window and no demo data', () => {
    expect(defaultSettings()).toEqual({
      demo: false,
      updates: { url: null, window: { start: '02:00', end: '05:00' }, checkEveryMinutes: 60 },
    });
  });

  it('reads a valid file', () => {
    const log = recorder();
    const settings = loadSettings('s.json', {
      log,
      readFile: fromText(
        JSON.stringify({
          kiosk: true,
          siteKey: 'vessel',
          updates: {
            url: 'http://onprem.local/shiftdeck/',
            window: { start: '22:30', end: '04:00' },
            timeZone: 'Europe/Paris',
          },
        }),
      ),
    });
    expect(settings).toEqual({
      kiosk: true,
      demo: false,
      siteKey: 'vessel',
      updates: {
        url: 'http://onprem.local/shiftdeck/',
        window: { start: '22:30', end: '04:00' },
        timeZone: 'Europe/Paris',
        checkEveryMinutes: 60,
      },
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('uses defaults quietly when there is no file', () => {
    const log = recorder();
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    expect(loadSettings('s.json', { log, readFile: missing })).toEqual(defaultSettings());
    expect(log.error).not.toHaveBeenCalled();
  });

  it('uses defaults and logs an error when the file cannot be read', () => {
    const log = recorder();
    const denied = () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(loadSettings('s.json', { log, readFile: denied })).toEqual(defaultSettings());
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('uses defaults and logs an error when the file is not JSON', () => {
    const log = recorder();
    expect(loadSettings('s.json', { log, readFile: fromText('{ "kiosk": true, ') })).toEqual(defaultSettings());
    expect(log.error).toHaveBeenCalledOnce();
  });

  it.each([
    ['an update URL that is not http(s)', { updates: { url: 'ftp://onprem.local/' } }, 'updates.url'],
    ['an update URL that is not a URL', { updates: { url: 'onprem.local' } }, 'updates.url'],
    ['a window time out of range', { updates: { window: { start: '25:00', end: '05:00' } } }, 'updates.window.start'],
    ['a window time without minutes', { updates: { window: { start: '02:00', end: '5' } } }, 'updates.window.end'],
    ['an unknown time zone', { updates: { timeZone: 'Mars/Olympus' } }, 'updates.timeZone'],
    ['a kiosk flag that is a string', { kiosk: 'yes' }, 'kiosk'],
    ['an unknown site', { siteKey: 'hotel' }, 'siteKey'],
    ['a misspelt key', { kisok: true }, ''],
  ])('uses defaults and logs which value is wrong for %s', (_name, json, path) => {
    const log = recorder();
    expect(loadSettings('s.json', { log, readFile: fromText(JSON.stringify(json)) })).toEqual(defaultSettings());
    expect(log.error).toHaveBeenCalledOnce();
    const [details] = log.error.mock.calls[0] as [{ issues: string[] }];
    expect(details.issues.some((issue) => issue.startsWith(path || '(file)'))).toBe(true);
  });

  it('treats a file that is JSON but not an object as invalid', () => {
    const log = recorder();
    expect(loadSettings('s.json', { log, readFile: fromText('[1, 2]') })).toEqual(defaultSettings());
    expect(log.error).toHaveBeenCalledOnce();
  });
});

describe('sync settings', () => {
  it('reads the sync service and the one-time enrollment code', () => {
    const log = recorder();
    const settings = loadSettings('s.json', {
      log,
      readFile: fromText(
        JSON.stringify({ sync: { serverUrl: 'http://hub.local:7400', enrollCode: 'K7QM-2XHD-9RTA' } }),
      ),
    });
    expect(settings.sync).toEqual({ serverUrl: 'http://hub.local:7400', enrollCode: 'K7QM-2XHD-9RTA' });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('takes the text of a scanned enrolment QR code for the code, and refuses a code that is none', () => {
    const read = (enrollCode: string) =>
      loadSettings('s.json', {
        log: recorder(),
        readFile: fromText(JSON.stringify({ sync: { serverUrl: 'http://hub.local:7400', enrollCode } })),
      }).sync?.enrollCode;
    expect(read(enrolPayload('http://shore.local:7400', 'k7qm-2xhd-9rta'))).toBe('K7QM-2XHD-9RTA');
    expect(read('k7qm 2xhd 9rta')).toBe('K7QM-2XHD-9RTA');
    expect(read('not a code')).toBeUndefined();
  });

  it('refuses a sync block that is not an http(s) URL, falling back to the defaults with a logged error', () => {
    const log = recorder();
    const settings = loadSettings('s.json', {
      log,
      readFile: fromText(JSON.stringify({ sync: { serverUrl: 'file:///etc/passwd' } })),
    });
    expect(settings).toEqual(defaultSettings());
    expect(log.error).toHaveBeenCalled();
  });
});

describe('launch overrides', () => {
  it('turns demo data on with --demo or SHIFTDECK_DEMO=1', () => {
    expect(applyLaunchOverrides(defaultSettings(), ['electron', '.', '--demo'], {}).demo).toBe(true);
    expect(applyLaunchOverrides(defaultSettings(), [], { SHIFTDECK_DEMO: '1' }).demo).toBe(true);
    expect(applyLaunchOverrides(defaultSettings(), [], {}).demo).toBe(false);
  });

  it('turns kiosk mode off with --no-kiosk or SHIFTDECK_KIOSK=0, and leaves the file’s choice otherwise', () => {
    const kiosk = { ...defaultSettings(), kiosk: true };
    expect(applyLaunchOverrides(kiosk, ['--no-kiosk'], {}).kiosk).toBe(false);
    expect(applyLaunchOverrides(kiosk, [], { SHIFTDECK_KIOSK: '0' }).kiosk).toBe(false);
    expect(applyLaunchOverrides(kiosk, [], {}).kiosk).toBe(true);
    expect(applyLaunchOverrides(defaultSettings(), [], {}).kiosk).toBeUndefined();
  });
});
