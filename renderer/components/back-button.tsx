import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { Icon } from './icon.js';

/** The way back to the home screen, at the top of every area. */
export function BackButton() {
  const { t } = useTranslation();
  const { route } = useServices();
  const go = useSlice(route, (s) => s.go);
  return (
    <button
      type="button"
      className="button button--primary"
      data-testid="back-home"
      onClick={() => go({ name: 'home' })}
    >
      <Icon name="back" size={28} />
      <span>{t('common.back')}</span>
    </button>
  );
}
