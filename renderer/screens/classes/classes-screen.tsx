import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { createClassesStore, type ClassesNotice, type ClassesTab } from '../../stores/classes-store.js';
import { BackButton } from '../../components/back-button.js';
import { DashboardPanel } from './dashboard-panel.js';
import { HealthPanel } from './health-panel.js';
import { ImportPanel } from './import-panel.js';
import { StudentsPanel } from './students-panel.js';
import { WeekView } from './week-view.js';
import './classes.css';

const TABS: ClassesTab[] = ['week', 'students', 'dashboard', 'health', 'import'];

/** Class tracking: the week's classes, students and their schedules, figures, health and import. */
export function ClassesScreen() {
  const { t } = useTranslation();
  const { api } = useServices();
  const store = useMemo(() => createClassesStore({ api }), [api]);
  const tab = useStore(store, (s) => s.tab);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);
  const today = useStore(store, (s) => s.settings?.today ?? s.week?.days[0] ?? new Date().toISOString().slice(0, 10));

  useEffect(() => {
    void store.getState().refresh();
    void api.call('classes.settings', {}).then((r) => r.ok && store.setState({ settings: r.value }));
    return api.onEvent((e) => store.getState().handleEvent(e));
  }, [api, store]);

  return (
    <main id="main" className="screen classes-screen" data-testid="screen-classes">
      <div className="screen__head">
        <h1 className="screen-title">{t('classes.title')}</h1>
        <BackButton />
      </div>
      <nav className="classes-tabs" aria-label={t('classes.tabsLabel')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            className="classes-tab"
            aria-current={tab === id ? 'page' : undefined}
            data-testid={`classes-tab-${id}`}
            onClick={() => store.getState().setTab(id)}
          >
            {t(`classes.tabs.${id}`)}
          </button>
        ))}
      </nav>
      <ErrorAlert error={error} />
      {notice && (
        <div className="alert alert--success" role="status" data-testid="classes-notice">
          {describeNotice(t, notice)}
          {notice.kind === 'fixed' && notice.students.length > 0 && (
            <ul className="classes-skipped" data-testid="fix-skipped">
              {notice.students.map((s) => (
                <li key={s.name}>{t('classes.health.skipped', { name: s.name, reason: s.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {tab === 'week' && <WeekView store={store} />}
      {tab === 'students' && <StudentsPanel store={store} today={today} />}
      {tab === 'dashboard' && <DashboardPanel store={store} />}
      {tab === 'health' && <HealthPanel store={store} />}
      {tab === 'import' && <ImportPanel store={store} />}
    </main>
  );
}

function describeNotice(t: (k: string, o?: Record<string, unknown>) => string, n: ClassesNotice): string {
  switch (n.kind) {
    case 'saved':
      return t('classes.notices.saved');
    case 'removed':
      return t('classes.notices.removed');
    case 'fixed':
      return t('classes.notices.fixed', { created: n.created, skipped: n.skipped });
    case 'generated':
      return t('classes.notices.generated', { created: n.created });
    case 'imported':
      return t('classes.notices.imported', { created: n.created, skippedRows: n.skippedRows });
    case 'horizon':
      return t('classes.notices.horizon', { weeks: n.weeks });
  }
}
