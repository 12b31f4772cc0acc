import { createStore } from 'zustand/vanilla';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'shiftdeck.locale';

export interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export interface LocaleStoreDeps {
  /** localStorage in the browser; anything with getItem/setItem in tests. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** navigator.languages, most preferred first. */
  languages?: readonly string[];
}

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** The first supported language the browser prefers, else English. */
export function preferredLocale(languages: readonly string[] = []): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * The kiosk's language (EN/FR). The choice is the terminal's, not a person's: it survives
 * sign-out and reloads through `storage`.
 */
export function createLocaleStore({ storage = null, languages = [] }: LocaleStoreDeps = {}) {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be blocked; the kiosk still works in the default language.
  }
  return createStore<LocaleState>()((set) => ({
    locale: isLocale(saved) ? saved : preferredLocale(languages),
    setLocale(locale) {
      if (!isLocale(locale)) return;
      try {
        storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Not persisted, still switched.
      }
      set({ locale });
    },
  }));
}

export type LocaleStore = ReturnType<typeof createLocaleStore>;
