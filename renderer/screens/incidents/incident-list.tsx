import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDateTime } from '../../i18n/format.js';
import type { createIncidentsStore } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** Every incident of the site, newest first, each with its stage, severity and SLA state. */
export function IncidentList({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const list = useStore(store, (s) => s.list);
  if (!list) return null;
  if (!list.length) return <p className="incidents-empty">{t('incidents.list.empty')}</p>;
  return (
    <ul className="incident-list" data-testid="incident-list">
      {list.map((i) => (
        <li key={i.id}>
          <button
            type="button"
            className="incident-row"
            data-testid="incident-row"
            data-stage={i.stage}
            data-sla={i.sla.state}
            onClick={() => void store.getState().open(i.id)}
          >
            <span className={`incident-badge incident-badge--${i.severity}`}>
              {t(`incidents.severity.${i.severity}`)}
            </span>
            <span className="incident-row__main">
              {/* One line: in the column layout a bare text node would be a line of its own. */}
              <span className="incident-row__title">
                <strong>{t(`incidents.type.${i.type}`)}</strong> · {i.place[lang]}
              </span>
              <span className="incident-row__what">{i.whatHappened}</span>
            </span>
            <span className="incident-row__side">
              <span>{t(`incidents.stage.${i.stage}`)}</span>
              <span className={`incident-sla incident-sla--${i.sla.state}`}>{t(`incidents.sla.${i.sla.state}`)}</span>
              {i.escalationLevel > 0 && <span>{t('incidents.list.escalated', { level: i.escalationLevel })}</span>}
              <span className="incident-row__time">{formatDateTime(i.reportedAt, i18n.language)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
