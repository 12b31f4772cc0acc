import type { UpdatePlan } from '../../shared/updates/plan.js';
import type { DispatcherLike, EventSourceLike } from './ipc-bridge.js';

/** What the shell needs from the kiosk core; `createKiosk` in electron/core returns more. */
export interface KioskLike {
  dispatcher: DispatcherLike;
  events: EventSourceLike;
  /** The site's staged-rollout plan for this kiosk (shared/updates/plan.ts). */
  updatePlan(feedBase: string): Promise<(UpdatePlan & { timeZone: string }) | null>;
  close(): Promise<void>;
}

export interface KioskStartOptions {
  dataDir: string;
  migrationsDir?: string;
  demo?: boolean;
  siteKey?: 'restaurant' | 'vessel';
  sync?: { serverUrl: string; enrollCode?: string; deviceName?: string };
  log?: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
  };
}

type CreateKioskLike = (options: KioskStartOptions) => Promise<KioskLike>;

/**
 * Starts the kiosk core (electron/core/kiosk.ts). Imported lazily so the window policies and
 * protocol are in place before the database opens, and typed against the shell's own slice so
 * the annotation below is the one place that checks the core still fits.
 */
export async function loadKiosk(options: KioskStartOptions): Promise<KioskLike> {
  const { createKiosk }: { createKiosk: CreateKioskLike } = await import('../core/kiosk.js');
  return createKiosk(options);
}
