import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDateTime } from '../../i18n/format.js';
import type { createIncidentsStore, RecordVerdict } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** "Check record": the tamper-evidence verdict of the open incident, entry by entry where one is not sealed. */
export function RecordCheck({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const verdict = useStore(store, (s) => s.verdict);
  const busy = useStore(store, (s) => s.busy);
  const stage = useStore(store, (s) => s.detail?.history);
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  const kindOf = (id: string) => {
    const h = stage?.find((x) => x.id === id);
    if (!h) return id.slice(0, 8);
    const label = t(`incidents.detail.event.${h.kind}`, {
      from: h.from ? t(`incidents.stage.${h.from}`) : '',
      to: h.to ? t(`incidents.stage.${h.to}`) : '',
    });
    return `${label} · ${at(h.at)}`;
  };
  return (
    <section className="incident-record" data-testid="incident-record">
      <div className="incident-record__head">
        <h3>{t('incidents.record.title')}</h3>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          data-testid="record-check"
          onClick={() => void store.getState().checkRecord()}
        >
          {t('incidents.record.check')}
        </button>
      </div>
      {verdict && <RecordVerdictView verdict={verdict} nameOf={kindOf} />}
    </section>
  );
}

/** A record's verdict: the finding in one sentence, then each entry that is not sealed as it was. */
export function RecordVerdictView({ verdict, nameOf }: { verdict: RecordVerdict; nameOf(id: string): string }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <div
      className={`incident-verdict incident-verdict--${verdict.status === 'ok' ? 'ok' : verdict.status === 'unsealed' || verdict.status === 'no_seal' ? 'pending' : 'bad'}`}
      role="status"
      data-testid="record-verdict"
      data-status={verdict.status}
    >
      <strong>{t(`incidents.record.status.${verdict.status}`)}</strong>
      <span>
        {t('incidents.record.summary', {
          count: verdict.entries.length,
          time: verdict.lastSealedAt ? at(verdict.lastSealedAt) : t('incidents.record.never'),
        })}
      </span>
      <ul>
        {verdict.entries
          .filter((e) => e.state !== 'sealed')
          .map((e) => (
            <li key={e.id} data-testid="record-entry" data-state={e.state}>
              {t('app.labelled', { label: t(`incidents.record.entry.${e.state}`) })} {nameOf(e.id)}
            </li>
          ))}
        {verdict.removed.map((id) => (
          <li key={id} data-state="removed">
            {t('incidents.record.removedEntry', { id })}
          </li>
        ))}
      </ul>
    </div>
  );
}
