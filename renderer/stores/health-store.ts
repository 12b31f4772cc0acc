import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type KioskHealth = MethodOutput<'health.get'>;
export type HealthCheckView = KioskHealth['checks'][number];
export type ErrorLogPage = MethodOutput<'health.errors'>;
export type RetentionSettingView = MethodOutput<'health.retention'>['settings'][number];

export interface HealthState {
  health: KioskHealth | null;
  error: ErrorData | null;
  errors: ErrorLogPage | null;
  retention: RetentionSettingView[] | null;
  /** The retention kind just saved, for a short confirmation. */
  saved: string | null;
  saving: boolean;
  adminError: ErrorData | null;
  load(): Promise<void>;
  loadAdmin(): Promise<void>;
  setRetention(kind: RetentionSettingView['kind'], days: number): Promise<boolean>;
  clear(): void;
}

/**
 * This kiosk's health (the Sync screen's panel and the supervisors' home banner), and for
 * administrators its error log and retention settings.
 */
export function createHealthStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<HealthState>()((set) => ({
    health: null,
    error: null,
    errors: null,
    retention: null,
    saved: null,
    saving: false,
    adminError: null,
    async load() {
      const r = await api.call('health.get', {});
      if (r.ok) set({ health: r.value, error: null });
      else set({ error: r.error });
    },
    async loadAdmin() {
      const [errors, retention] = await Promise.all([
        api.call('health.errors', { limit: 50 }),
        api.call('health.retention', {}),
      ]);
      set({
        errors: errors.ok ? errors.value : null,
        retention: retention.ok ? retention.value.settings : null,
        adminError: !errors.ok ? errors.error : !retention.ok ? retention.error : null,
      });
    },
    async setRetention(kind, days) {
      set({ saving: true, saved: null, adminError: null });
      const r = await api.call('health.setRetention', { kind, days });
      if (r.ok) set({ saving: false, retention: r.value.settings, saved: kind });
      else set({ saving: false, adminError: r.error });
      return r.ok;
    },
    clear() {
      set({ health: null, error: null, errors: null, retention: null, saved: null, adminError: null });
    },
  }));
}

export type HealthStore = ReturnType<typeof createHealthStore>;
