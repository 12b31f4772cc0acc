import { ApiError, createApiClient, type Transport } from '../../shared/api/client.js';
import { createAdminStore } from '../stores/admin-store.js';
import { createAppInfoStore } from '../stores/app-info-store.js';
import { createAreasStore } from '../stores/areas-store.js';
import { createAuditStore } from '../stores/audit-store.js';
import { createBackupsStore } from '../stores/backups-store.js';
import { createConflictsStore } from '../stores/conflicts-store.js';
import { createHealthStore } from '../stores/health-store.js';
import { createLocaleStore, type LocaleStoreDeps } from '../stores/locale-store.js';
import { createRouteStore, type HashLocation } from '../stores/route-store.js';
import { createSessionStore, type TokenStorage } from '../stores/session-store.js';
import { createStatusStore } from '../stores/status-store.js';
import type { Services } from './services.js';

export interface ServicesDeps {
  transport: Transport;
  tokenChanged?: () => void;
  tokens?: TokenStorage;
  locale?: LocaleStoreDeps;
  location: HashLocation;
  now?: () => number;
  /** How often the status pill re-reads `status.get` in case an event was missed. */
  statusPollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Wires the stores to one API client: any call that fails because the session locked or ended
 * tells the session store, session changes load or clear the areas, and core events reach the
 * stores that care. Returns the services and a `start` that begins listening and loading.
 */
export function createServices(deps: ServicesDeps): { services: Services; start(): () => void } {
  const client = createApiClient(deps.transport);
  let session: ReturnType<typeof createSessionStore> | null = null;

  // Every failed call passes by the session store, so a lock noticed by any screen locks the kiosk.
  // Only a call made with the current token speaks for the current session: a screen left open at
  // sign-out may ask once more with no token, and its late "sign in first" must not end the next
  // person's session.
  const api: Services['api'] = {
    ...client,
    async call(method, input) {
      const sentWith = client.token();
      const r = await client.call(method, input);
      if (!r.ok && client.token() === sentWith) session?.getState().handleCallError(r.error.code);
      return r;
    },
    async get(method, input) {
      const r = await api.call(method, input);
      if (!r.ok) throw new ApiError(r.error);
      return r.value;
    },
  };

  session = createSessionStore({ api, tokens: deps.tokens, now: deps.now, onTokenChange: () => deps.tokenChanged?.() });
  const services: Services = {
    api,
    session,
    status: createStatusStore({ api }),
    locale: createLocaleStore(deps.locale),
    areas: createAreasStore({ api }),
    appInfo: createAppInfoStore({ api }),
    route: createRouteStore(deps.location),
    audit: createAuditStore({ api }),
    admin: createAdminStore({ api }),
    conflicts: createConflictsStore({ api }),
    backups: createBackupsStore({ api }),
    health: createHealthStore({ api }),
  };

  return {
    services,
    start() {
      const s = services;
      const offEvents = api.onEvent((event) => {
        s.session.getState().handleEvent(event);
        s.status.getState().handleEvent(event);
        s.conflicts.getState().handleEvent(event);
        s.admin.getState().handleEvent(event);
        // No reload of the areas on data.changed: home.areas counts as activity, and a change
        // synced from elsewhere must not keep an unattended session from locking.
      });
      const offSession = s.session.subscribe((state, prev) => {
        const signedIn = state.phase === 'active' || state.phase === 'locked';
        const wasSignedIn = prev.phase === 'active' || prev.phase === 'locked';
        if (state.phase === 'active' && state.session?.token !== prev.session?.token) void s.areas.getState().load();
        // A new sign-in starts at home: the area the last person left may not be open to this role.
        // (A reload restores the session from 'starting' and keeps its route.)
        if (signedIn && prev.phase === 'signed-out') s.route.getState().go({ name: 'home' });
        if (!signedIn && wasSignedIn) {
          s.areas.getState().clear();
          s.conflicts.getState().clear();
          s.admin.getState().clear();
          s.backups.getState().clear();
          s.health.getState().clear();
          s.route.getState().go({ name: 'home' });
        }
      });
      void s.appInfo.getState().load();
      void s.status.getState().refresh();
      void s.session.getState().start();
      const every = deps.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
      const stopEvery = deps.clearInterval ?? ((h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>));
      const poll = every(() => void s.status.getState().refresh(), deps.statusPollMs ?? 15_000);
      return () => {
        stopEvery(poll);
        offEvents();
        offSession();
        s.route.getState().dispose();
      };
    },
  };
}
