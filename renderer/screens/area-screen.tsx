import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from '../components/back-button.js';
import { Icon } from '../components/icon.js';
import { AREAS } from '../../shared/permissions.js';
import { AdminScreen } from './admin-screen.js';
import { AuditScreen } from './audit-screen.js';
import { ClassesScreen } from './classes/classes-screen.js';
import { IncidentsScreen } from './incidents/incidents-screen.js';
import { ComplianceScreen } from './compliance/compliance-screen.js';
import { FuelScreen } from './fuel/fuel-screen.js';
import { SyncScreen } from './sync-screen.js';
import { KitchenScreen } from './tables/kitchen-screen.js';
import { SalesScreen } from './tables/sales-screen.js';
import { TablesScreen } from './tables/tables-screen.js';
import { LinksScreen } from './links/links-screen.js';
import { NotificationSettingsScreen } from './notifications/notification-settings-screen.js';
import { OnCallScreen } from './notifications/on-call-screen.js';
import { AnalyticsScreen } from './training/analytics-screen.js';
import { ClassroomScreen } from './training/classroom-screen.js';
import { TrainingScreen } from './training/training-screen.js';

/** Areas built so far. The others say so plainly instead of showing made-up data. */
const BUILT: Record<string, () => ReactNode> = {
  audit: () => <AuditScreen />,
  classes: () => <ClassesScreen />,
  incidents: () => <IncidentsScreen />,
  compliance: () => <ComplianceScreen />,
  fuel: () => <FuelScreen />,
  admin: () => <AdminScreen />,
  sync: () => <SyncScreen />,
  links: () => <LinksScreen />,
  training: () => <TrainingScreen />,
  classroom: () => <ClassroomScreen />,
  analytics: () => <AnalyticsScreen />,
  tables: () => <TablesScreen />,
  kitchen: () => <KitchenScreen />,
  sales: () => <SalesScreen />,
  'on-call': () => <OnCallScreen />,
  // Everyone's own settings: opened from home, so not an area tile (no permission needed).
  'my-notifications': () => <NotificationSettingsScreen />,
};

/**
 * Opens an area by its route. The screen's own API call decides access (the core checks the
 * permission), so a deep link to an area the role lacks shows the translated FORBIDDEN error.
 */
export function AreaScreen({ area }: { area: string }) {
  const render = BUILT[area];
  return render ? <>{render()}</> : <UnavailableScreen area={area} />;
}

export function UnavailableScreen({ area }: { area: string }) {
  const { t } = useTranslation();
  const known = AREAS.some((a) => a.id === area);
  return (
    <main id="main" className="screen unavailable" data-testid="area-unavailable" data-area={area}>
      <Icon name="unavailable" size={72} className="unavailable__icon" />
      {known && <p className="unavailable__area">{t(`areas.${area}`)}</p>}
      <h1 className="screen-title">{t('unavailable.title')}</h1>
      <p className="screen-hint">{t('unavailable.body')}</p>
      <BackButton />
    </main>
  );
}
