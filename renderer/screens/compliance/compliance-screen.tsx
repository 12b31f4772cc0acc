import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { ComplianceView } from '../../stores/compliance-store.js';
import { ActionList } from './action-list.js';
import { ComplianceDashboard } from './compliance-dashboard.js';
import { DataReports } from './data-reports.js';
import { ReportForm } from './report-form.js';
import { ReportList } from './report-list.js';
import { ScheduleBoardView } from './schedule-board.js';
import { useCompliance } from './use-compliance.js';
import '../../styles/compliance.css';
import '../../styles/exports.css';

const VIEWS: ComplianceView[] = ['reports', 'actions', 'schedule', 'dashboard', 'data'];
const NONE: readonly string[] = [];

/** Compliance: what is due for the person's role, reports in progress, filling one, signing it off. */
export function ComplianceScreen() {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const userId = useSlice(session, (s) => s.session?.user.id ?? null);
  const permissions = useSlice(session, (s) => s.session?.user.permissions ?? NONE);
  // The trends and the reports from data are the supervisors': whoever approves reports.
  const views = VIEWS.filter(
    (id) => (id !== 'dashboard' && id !== 'data') || permissions.includes('compliance.approve'),
  );
  const store = useCompliance();
  const open = useSlice(store, (s) => s.open);
  const error = useSlice(store, (s) => s.error);
  const view = useSlice(store, (s) => s.view);

  useEffect(() => {
    // The store outlives sign-outs (it is kept per API client): the next person starts at the list.
    if (store.getState().viewer !== userId)
      store.setState({ open: null, error: null, notice: null, viewer: userId, view: 'reports' });
  }, [store, userId]);

  useEffect(() => {
    void store.getState().refresh();
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store]);

  return (
    <main id="main" className="screen compliance-screen" data-testid="screen-compliance">
      <div className="screen__head">
        <h1 className="screen-title">{t('compliance.title')}</h1>
        <BackButton />
      </div>
      <nav className="compliance-tabs" aria-label={t('compliance.tabsLabel')}>
        {views.map((id) => (
          <button
            key={id}
            type="button"
            className="compliance-tab"
            aria-current={view === id && !open ? 'page' : undefined}
            data-testid={`compliance-tab-${id}`}
            onClick={() => store.getState().setView(id)}
          >
            {id === 'data' ? t('exports.tab') : t(`compliance.tabs.${id}`)}
          </button>
        ))}
      </nav>
      <ErrorAlert error={error} />
      {open ? (
        <ReportForm detail={open} />
      ) : view === 'actions' ? (
        <ActionList />
      ) : view === 'schedule' ? (
        <ScheduleBoardView />
      ) : view === 'dashboard' ? (
        <ComplianceDashboard />
      ) : view === 'data' ? (
        <DataReports />
      ) : (
        <ReportList />
      )}
    </main>
  );
}
