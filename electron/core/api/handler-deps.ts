import type { AttachmentFiles } from '../attachments/files.js';
import type { AuthService } from '../auth/auth-service.js';
import type { KioskBackups } from '../backups/kiosk-backups.js';
import type { HealthResult } from '../../../shared/health/thresholds.js';
import type { Clock } from '../clock.js';
import type { SiteCode } from '../devices/enrolment-codes.js';
import type { Store } from '../db/store.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import type { LinkState } from '../status.js';
import type { LinkProber } from '../sync/link-prober.js';

/**
 * What every API handler factory is given (`createHandlers`, and each domain's
 * `create<Domain>Handlers`). Its own file so that electron/core/api/handlers.ts, which gathers the
 * domain handlers, and the domain handlers both import it and neither imports the other back.
 */
export interface HandlerDeps {
  store: Store;
  runner: MutationRunner;
  auth: AuthService;
  version: string;
  deviceId: string;
  demo: boolean;
  site: () => Promise<{
    id: string;
    name: string;
    kind: 'restaurant' | 'vessel';
    timezone: string;
    idleLockSeconds: number;
  }>;
  link: () => LinkState;
  /** Enrols this kiosk again with a new code when shore no longer knows it (absent without sync). */
  reenrol?: (code: string) => Promise<void>;
  pinHasher?: (pin: string) => Promise<string>;
  clock: Clock;
  /** One sync cycle now; absent on a kiosk with no link to shore. Resolves undefined when the
   * cycle failed (the link state says why). */
  syncNow?: () => Promise<unknown>;
  /** The routes upstream and their prober; absent on a kiosk with one address upstream. */
  links?: () => LinkProber | undefined;
  /** This kiosk's database backups; absent in tests that build handlers without a kiosk. */
  backups?: Pick<KioskBackups, 'folder' | 'list' | 'lastBackupAt' | 'takeNow' | 'setFolder' | 'restore'>;
  /** This kiosk's health readings rated against their thresholds (shared/health). */
  health?: () => Promise<HealthResult[]>;
  /** The name this kiosk was enrolled under, for its own entry in the site's devices. */
  deviceName?: () => string;
  /** A one-time code from shore for a new kiosk of this site (absent on a kiosk that does not sync). */
  siteCode?: (userId: string, ttlMinutes: number) => Promise<SiteCode>;
  /** This kiosk's attachment files, and a call to send a new one soon (electron/core/attachments/). */
  attachments?: { files: AttachmentFiles; added(): void };
}
