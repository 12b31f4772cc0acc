import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { createFuelStore, type FuelTab } from '../../stores/fuel-store.js';
import { AnomalyList } from './anomaly-list.js';
import { BridgeView } from './bridge-view.js';
import { LogForm } from './log-form.js';
import '../../styles/fuel.css';

const TABS: FuelTab[] = ['bridge', 'log', 'anomalies'];
// The bridge view follows the feed; the core stores every reading, this only reads the new ones.
const POLL_MS = 1_000;

/** Fuel (vessels): the bridge view following the instruments, the log entry form, the anomalies. */
export function FuelScreen() {
  const { t } = useTranslation();
  const { api } = useServices();
  const store = useMemo(() => createFuelStore({ api }), [api]);
  const tab = useStore(store, (s) => s.tab);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);
  const open = useStore(
    store,
    (s) => s.anomalies.filter((a) => a.status === 'open' || a.status === 'investigating').length,
  );

  useEffect(() => {
    void store.getState().poll();
    void store.getState().refresh();
    const timer = window.setInterval(() => void store.getState().poll(), POLL_MS);
    const off = api.onEvent((e) => store.getState().handleEvent(e));
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [api, store]);

  return (
    <main id="main" className="screen fuel-screen" data-testid="screen-fuel">
      <div className="screen__head">
        <h1 className="screen-title">{t('fuel.title')}</h1>
        <BackButton />
      </div>
      <nav className="fuel-tabs" aria-label={t('fuel.tabsLabel')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            className="fuel-tab"
            aria-current={tab === id ? 'page' : undefined}
            data-testid={`fuel-tab-${id}`}
            onClick={() => store.getState().setTab(id)}
          >
            {t(`fuel.tabs.${id}`)}
            {id === 'anomalies' && open > 0 && (
              <span className="fuel-badge" data-testid="fuel-open-count">
                {t('fuel.openCount', { count: open })}
              </span>
            )}
          </button>
        ))}
      </nav>
      <ErrorAlert error={error} />
      {notice && (
        <div className="alert alert--success" role="status" data-testid="fuel-notice">
          {t(`fuel.notices.${notice}`)}
        </div>
      )}
      {tab === 'bridge' && <BridgeView store={store} />}
      {tab === 'log' && <LogForm store={store} />}
      {tab === 'anomalies' && <AnomalyList store={store} />}
    </main>
  );
}
