import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { createTablesStore } from '../../stores/tables-store.js';
import { FloorView } from './floor-view.js';
import { OrderView } from './order-view.js';
import { PaymentView } from './payment-view.js';
import '../../styles/tables.css';

/** Table service for waiters: the floor, a table's order, its bill; follows synced changes live. */
export function TablesScreen() {
  const { t } = useTranslation();
  const { api } = useServices();
  const store = useMemo(() => createTablesStore({ api, newKey: () => crypto.randomUUID() }), [api]);
  const view = useStore(store, (s) => s.view);
  const session = useStore(store, (s) => s.session);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);

  useEffect(() => {
    void store.getState().refresh();
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store]);

  const title =
    view === 'floor' || !session
      ? t('tables.floorTitle')
      : view === 'pay'
        ? t('tables.payTitle', { label: session.tableLabel })
        : t('tables.tableTitle', { label: session.tableLabel });
  return (
    <main id="main" className="screen tables-screen" data-testid="screen-tables" data-view={view}>
      <div className="screen__head">
        <h1 className="screen-title">{title}</h1>
        <div className="screen__head-actions">
          {view !== 'floor' && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="to-floor"
              onClick={() => store.getState().showFloor()}
            >
              {t('tables.toFloor')}
            </button>
          )}
          <BackButton />
        </div>
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert--success" role="status" data-testid="tables-notice">
          {t(`tables.notice.${notice}`)}
        </p>
      )}
      {view === 'floor' && <FloorView store={store} />}
      {view === 'order' && <OrderView store={store} />}
      {view === 'pay' && <PaymentView store={store} />}
    </main>
  );
}
