import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { LOCALES } from '../stores/locale-store.js';

/** EN | FR toggle. Each button names its language in that language, so anyone can find theirs. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t } = useTranslation();
  const { locale: localeStore } = useServices();
  const locale = useSlice(localeStore, (s) => s.locale);
  const setLocale = useSlice(localeStore, (s) => s.setLocale);
  return (
    <div className={`lang-switch lang-switch--${tone}`} role="group" aria-label={t('language.switchLabel')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch__button"
          data-testid={`lang-${l}`}
          aria-pressed={locale === l}
          aria-label={t(`language.${l}`)}
          lang={l}
          onClick={() => setLocale(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
