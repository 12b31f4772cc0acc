import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readEnrolInput } from '../../shared/devices/enrol-payload.js';
import { silentLog, type Log } from './log.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like "02:00"');

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'Use an IANA time zone like "Europe/Paris"');

/** When updates may be installed, in site local time; `end` may be earlier than `start` (overnight). */
export const installWindowSchema = z.object({ start: clockTime, end: clockTime }).strict();
export type InstallWindow = z.infer<typeof installWindowSchema>;

export const DEFAULT_INSTALL_WINDOW: InstallWindow = Object.freeze({ start: '02:00', end: '05:00' });

const updatesSchema = z
  .object({
    /** Base URL of the on-premises update feed (electron-builder `generic`); null turns updates off. */
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
    window: installWindowSchema.default(DEFAULT_INSTALL_WINDOW),
    /** The site's zone when the terminal's clock is not set to it; default: the system zone. */
    timeZone: timeZone.optional(),
    checkEveryMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
  })
  .strict();

/**
 * The kiosk's own settings file, `settings.json` in Electron's userData folder. Every key is
 * optional; unknown keys are an error, so a typo is reported instead of silently ignored.
 *
 * @example
 * { "kiosk": true, "updates": { "url": "http://onprem.local/shiftdeck/", "window": { "start": "02:00", "end": "05:00" } } }
 */
export const settingsSchema = z
  .object({
    /** Full-screen kiosk window; unset means "kiosk when packaged". */
    kiosk: z.boolean().optional(),
    /** Seed demo data on first start. */
    demo: z.boolean().default(false),
    siteKey: z.enum(['restaurant', 'vessel']).optional(),
    updates: updatesSchema.default({ url: null, window: DEFAULT_INSTALL_WINDOW, checkEveryMinutes: 60 }),
    /** The sync service this kiosk replicates through; the first start enrolls with `enrollCode`. */
    sync: z
      .object({
        serverUrl: z.url({ protocol: /^https?$/ }),
        // The code typed, or the text of the QR code on the admin screen (its code is kept).
        enrollCode: z
          .string()
          .min(4)
          .max(400)
          .transform((text, ctx) => {
            try {
              return readEnrolInput(text).code;
            } catch (err) {
              ctx.addIssue({ code: 'custom', message: (err as Error).message });
              return z.NEVER;
            }
          })
          .optional(),
        deviceName: z.string().min(1).max(80).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type UpdateSettings = Settings['updates'];

export const SETTINGS_FILE = 'settings.json';

export const defaultSettings = (): Settings => settingsSchema.parse({});

export const settingsPath = (userDataDir: string) => path.join(userDataDir, SETTINGS_FILE);

/**
 * Reads and validates the settings file. A missing file means defaults. A file that is not JSON
 * or does not match the schema also means defaults, with an error in the log naming what is
 * wrong: a bad edit on one terminal must not stop it from starting.
 *
 * @example
 * const settings = loadSettings(settingsPath(app.getPath('userData')), { log });
 */
export function loadSettings(file: string, deps: { readFile?: (file: string) => string; log?: Log } = {}): Settings {
  const { readFile = (f: string) => readFileSync(f, 'utf8'), log = silentLog } = deps;
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
      log.info({ file }, 'No settings file; using defaults');
    } else {
      log.error({ file, err }, 'Could not read the settings file; using defaults');
    }
    return defaultSettings();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    log.error({ file, reason: (err as Error).message }, 'The settings file is not valid JSON; using defaults');
    return defaultSettings();
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    log.error({ file, issues }, 'The settings file has invalid values; using defaults');
    return defaultSettings();
  }
  return parsed.data;
}

/**
 * Launch-time overrides for development and tests: `--demo` or `SHIFTDECK_DEMO=1` seeds demo
 * data, `--no-kiosk` or `SHIFTDECK_KIOSK=0` opens a normal window.
 */
export function applyLaunchOverrides(
  settings: Settings,
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Settings {
  const demo = argv.includes('--demo') || env.SHIFTDECK_DEMO === '1' ? true : settings.demo;
  const kiosk = argv.includes('--no-kiosk') || env.SHIFTDECK_KIOSK === '0' ? false : settings.kiosk;
  return { ...settings, demo, kiosk };
}
