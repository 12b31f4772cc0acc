import { useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { useNow } from '../../app/use-now.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { PeopleNotice } from '../../stores/people-store.js';
import { useDataChanged } from '../training/use-area-store.js';
import { usePeople } from './use-people.js';
import { PersonCard } from './person-card.js';
import '../../styles/people.css';

const PEOPLE_TABLES = ['users', 'user_roles', 'person_security', 'audit_log'] as const;

/** Every account of the site, former people included, each opening a card of actions. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const people = usePeople();
  const list = useSlice(people, (s) => s.people);
  const openId = useSlice(people, (s) => s.openId);
  const error = useSlice(people, (s) => s.error);
  const notice = useSlice(people, (s) => s.notice);
  const now = useNow();
  const id = useId();
  const reload = useCallback(() => void people.getState().load(), [people]);

  useEffect(() => {
    void people.getState().load();
    // Nothing of one administrator's session stays for the next person.
    return () => people.getState().clear();
  }, [people]);
  useDataChanged(PEOPLE_TABLES, reload);

  return (
    <section className="panel people" aria-labelledby={`${id}-title`} data-testid="people-panel">
      <h2 id={`${id}-title`} className="section-title">
        {t('people.title')}
      </h2>
      <p className="screen-hint">{t('people.explain')}</p>
      {!openId && <ErrorAlert error={error} />}
      {notice && !openId && (
        <p className="alert alert--success" role="status" data-testid="people-notice">
          {t(`people.notices.${notice.kind satisfies PeopleNotice}`, { name: notice.name })}
        </p>
      )}
      <ul className="people__list">
        {(list ?? []).map((p) => {
          const locked = p.lockedUntil !== null && new Date(p.lockedUntil).getTime() > now;
          return (
            <li key={p.id} className={`people__row${p.active ? '' : ' people__row--former'}`} data-person-id={p.id}>
              <span className="people__name">{p.displayName}</span>
              <span className="people__tags">
                {!p.active && <span className="tag">{t(p.anonymised ? 'people.anonymised' : 'people.former')}</span>}
                {locked && <span className="tag tag--warn">{t('people.locked')}</span>}
                {p.mustChangePin && <span className="tag">{t('people.mustChange')}</span>}
              </span>
              <button
                type="button"
                className="button button--secondary people__manage"
                aria-label={t('people.manageFor', { name: p.displayName })}
                data-testid="person-manage"
                onClick={() => people.getState().open(p.id)}
              >
                {t('people.manage')}
              </button>
            </li>
          );
        })}
      </ul>
      {openId && <PersonCard userId={openId} />}
    </section>
  );
}
