import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { createIncidentsStore, type IncidentsTab } from '../../stores/incidents-store.js';
import { INCIDENT_LIST_FORMATS } from '../../../shared/incidents/export-contract.js';
import { ExportButton } from '../compliance/export-dialog.js';
import { AlertBanner } from './alert-banner.js';
import { IncidentDashboard } from './incident-dashboard.js';
import { IncidentDetailView } from './incident-detail.js';
import { IncidentList } from './incident-list.js';
import { IncidentSettings } from './incident-settings.js';
import { RecordFileCheck } from './record-file-check.js';
import { ReportForm } from './report-form.js';
import '../../styles/incidents.css';

const TABS: IncidentsTab[] = ['report', 'list', 'dashboard', 'check', 'settings'];
/** The permission each tab needs beyond reporting. */
const TAB_PERMISSION: Partial<Record<IncidentsTab, string>> = {
  dashboard: 'incidents.triage',
  check: 'incidents.triage',
  settings: 'settings.manage',
};
const NONE: readonly string[] = [];

/** Incidents: report in a few taps, the list with SLA state, one incident's detail, the dashboard. */
export function IncidentsScreen() {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const store = useMemo(() => createIncidentsStore({ api }), [api]);
  const tab = useStore(store, (s) => s.tab);
  const detail = useStore(store, (s) => s.detail);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);
  const permissions = useStore(session, (s) => s.session?.user.permissions ?? NONE);
  const tabs = TABS.filter((id) => !TAB_PERMISSION[id] || permissions.includes(TAB_PERMISSION[id]));

  useEffect(() => {
    void store.getState().refresh();
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store]);

  return (
    <main id="main" className="screen incidents-screen" data-testid="screen-incidents">
      <div className="screen__head">
        <h1 className="screen-title">{t('incidents.title')}</h1>
        <BackButton />
      </div>
      <AlertBanner store={store} />
      <nav className="incidents-tabs" aria-label={t('incidents.tabsLabel')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            className="incidents-tab"
            aria-current={tab === id && !detail ? 'page' : undefined}
            data-testid={`incidents-tab-${id}`}
            onClick={() => store.getState().setTab(id)}
          >
            {t(`incidents.tabs.${id}`)}
          </button>
        ))}
      </nav>
      <ErrorAlert error={error} />
      {notice && (
        <div className="alert alert--success" role="status" data-testid="incidents-notice">
          {t(`incidents.notices.${notice}`)}
        </div>
      )}
      {detail ? (
        <IncidentDetailView store={store} detail={detail} />
      ) : (
        <>
          {tab === 'report' && <ReportForm store={store} />}
          {tab === 'list' && (
            <>
              {permissions.includes('incidents.triage') && (
                <div className="incidents-toolbar">
                  <ExportButton
                    titleKey="incidents.export.listTitle"
                    hintKey="incidents.export.hint"
                    testId="incidents-export"
                    formats={INCIDENT_LIST_FORMATS}
                    request={(format) => api.call('incidents.exportList', { format, open: false })}
                  />
                </div>
              )}
              <IncidentList store={store} />
            </>
          )}
          {tab === 'dashboard' && <IncidentDashboard store={store} />}
          {tab === 'check' && <RecordFileCheck />}
          {tab === 'settings' && <IncidentSettings store={store} />}
        </>
      )}
    </main>
  );
}
