import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { AdminStore } from '../stores/admin-store.js';
import type { AppInfoStore } from '../stores/app-info-store.js';
import type { AreasStore } from '../stores/areas-store.js';
import type { AuditStore } from '../stores/audit-store.js';
import type { BackupsStore } from '../stores/backups-store.js';
import type { ConflictsStore } from '../stores/conflicts-store.js';
import type { HealthStore } from '../stores/health-store.js';
import type { LocaleStore } from '../stores/locale-store.js';
import type { RouteStore } from '../stores/route-store.js';
import type { SessionStore } from '../stores/session-store.js';
import type { StatusStore } from '../stores/status-store.js';

/** Everything a screen may read or call; built once by `createServices`, handed down by context. */
export interface Services {
  api: ApiClient;
  session: SessionStore;
  status: StatusStore;
  locale: LocaleStore;
  areas: AreasStore;
  appInfo: AppInfoStore;
  route: RouteStore;
  audit: AuditStore;
  admin: AdminStore;
  conflicts: ConflictsStore;
  backups: BackupsStore;
  health: HealthStore;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}

/** The thin React binding: read a slice of a vanilla store and re-render when it changes. */
export function useSlice<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  return useStore(store, select);
}
