import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import type { DueItem } from '../../stores/compliance-store.js';

/**
 * On the home screen: the compliance reports the person's role must fill that are due, late or
 * missed, with a way in. Shown only to roles that fill reports; reads on every synced change.
 */
export function DueBanner() {
  const { t, i18n } = useTranslation();
  const { api, session, route } = useServices();
  const canFill = useSlice(session, (s) => s.session?.user.permissions.includes('compliance.fill') ?? false);
  const [due, setDue] = useState<DueItem[]>([]);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';

  useEffect(() => {
    if (!canFill) return;
    const load = () => void api.call('compliance.due', { allRoles: false }).then((r) => r.ok && setDue(r.value));
    load();
    return api.onEvent((e) => {
      if (e.type === 'data.changed' && e.tables.some((x) => x.startsWith('compliance_'))) load();
    });
  }, [api, canFill]);

  if (!canFill || due.length === 0) return null;
  return (
    <section className="alert alert--info home-due" data-testid="home-due" aria-labelledby="home-due-title">
      <h2 id="home-due-title" className="screen-subtitle">
        {t('compliance.home.title', { count: due.length })}
      </h2>
      <ul>
        {due.slice(0, 3).map((d) => (
          <li key={`${d.scheduleId}-${d.period}`}>
            {d.title[lang]} — {t(`compliance.home.${d.status}`)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        onClick={() => route.getState().go({ name: 'area', area: 'compliance' })}
      >
        {t('compliance.home.open')}
      </button>
    </section>
  );
}
