import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY, createLocaleStore, preferredLocale } from '../../../renderer/stores/locale-store.js';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('locale store', () => {
  it('defaults to the first supported browser language, else English', () => {
    expect(preferredLocale(['fr-CA', 'en'])).toBe('fr');
    expect(preferredLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(preferredLocale(['de-DE'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
    expect(createLocaleStore({ languages: ['fr-FR'] }).getState().locale).toBe('fr');
  });

  it('persists the choice and prefers it over the browser language', () => {
    const storage = memoryStorage();
    const store = createLocaleStore({ storage, languages: ['en-US'] });
    store.getState().setLocale('fr');
    expect(store.getState().locale).toBe('fr');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('fr');
    expect(createLocaleStore({ storage, languages: ['en-US'] }).getState().locale).toBe('fr');
  });

  it('ignores a saved value that is not a supported locale, and unsupported choices', () => {
    const store = createLocaleStore({ storage: memoryStorage({ [LOCALE_STORAGE_KEY]: 'de' }), languages: ['fr'] });
    expect(store.getState().locale).toBe('fr');
    store.getState().setLocale('de' as 'en');
    expect(store.getState().locale).toBe('fr');
  });

  it('still works when storage throws (blocked storage)', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const store = createLocaleStore({ storage: broken, languages: ['fr'] });
    store.getState().setLocale('en');
    expect(store.getState().locale).toBe('en');
  });
});
