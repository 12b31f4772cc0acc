import i18next, { type i18n } from 'i18next';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import type { Locale } from '../stores/locale-store.js';

export const RESOURCES: Record<Locale, Messages> = { en, fr };

/**
 * A fresh i18next instance with both languages bundled (the kiosk is offline: nothing is fetched).
 *
 * @example
 * const i18n = createI18n('fr');
 * i18n.t('pin.chooseTitle') // 'Qui travaille ?'
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    resources: { en: { translation: en }, fr: { translation: fr } },
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" on screen.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
