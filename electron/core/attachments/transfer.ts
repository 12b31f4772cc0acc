import { lanesAllowed } from '../../../shared/sync/lanes.js';
import { sha256Of } from '../../../shared/attachments/hash.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { AttachmentFiles } from './files.js';

export interface AttachmentTransferDeps {
  store: Store;
  files: AttachmentFiles;
  siteId: string;
  /** Where requests go now: the route the sync client uses (a hub on the LAN, or shore). */
  upstream(): string;
  token(): string | undefined;
  /** The route in use is a site hub: it may hold files shore has not received yet. */
  viaHub(): boolean;
  /** The route in use is marked expensive (satellite): the bulk lane waits for a cheaper one. */
  expensive(): boolean;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  /** Files arrived on this kiosk: screens showing "on its way" can show them now. */
  onFetched?(): void;
  /** How often to look for files to send or fetch without being asked (default 30 s). */
  everyMs?: number;
}

export interface TransferReport {
  sent: number;
  fetched: number;
  /** Why nothing moved, when nothing could: `expensive` link, shore `unreachable`. */
  held?: 'expensive' | 'unreachable';
}

/**
 * The bulk lane for attachments. Sends shore the files this kiosk holds that shore has not said it
 * holds (no `attachment_arrivals` row yet), and fetches those shore holds that this kiosk lacks.
 * Never over an expensive link: photos wait for the hub or 4G while urgent changes go on by
 * satellite. Runs after each sync with something new, on a timer, and when a photo is added; one
 * run at a time. Every file is checked against its hash on both sides.
 */
export function createAttachmentTransfer(deps: AttachmentTransferDeps) {
  const http = deps.fetch ?? fetch;
  const toSend = deps.store.raw.prepare(`
    SELECT DISTINCT a.sha256, a.mime FROM attachments a
     WHERE a.site_id = ?
       AND NOT EXISTS (SELECT 1 FROM attachment_arrivals r WHERE r.site_id = a.site_id AND r.sha256 = a.sha256)
     ORDER BY a.created_at`);
  const toFetch = deps.store.raw.prepare(`
    SELECT DISTINCT r.sha256 FROM attachment_arrivals r
     WHERE r.site_id = ?
       AND EXISTS (SELECT 1 FROM attachments a WHERE a.site_id = r.site_id AND a.sha256 = r.sha256)
     ORDER BY r.arrived_at`);
  // Through a hub, also what shore has not received: the hub keeps what its kiosks send it, so a
  // photo taken in the engine room shows on the bridge with shore away.
  const referenced = deps.store.raw.prepare('SELECT DISTINCT sha256 FROM attachments WHERE site_id = ?');
  let running: Promise<TransferReport> | null = null;
  let again = false;
  let stopTimer: (() => void) | null = null;
  // Files shore refused as no file of its records (yet): not sent again until the next pull.
  const waiting = new Set<string>();

  const url = (sha256: string) => `${deps.upstream().replace(/\/$/, '')}/v1/attachments/${sha256}`;

  async function once(): Promise<TransferReport> {
    const report: TransferReport = { sent: 0, fetched: 0 };
    const token = deps.token();
    if (!token) return report;
    if (!lanesAllowed({ emergency: false, expensive: deps.expensive() }).includes('bulk')) {
      report.held = 'expensive';
      return report;
    }
    const headers = { authorization: `Bearer ${token}` };
    try {
      for (const row of toSend.all(deps.siteId) as { sha256: string; mime: string }[]) {
        if (waiting.has(row.sha256)) continue;
        const bytes = deps.files.read(row.sha256);
        if (!bytes) continue; // another kiosk's photo, still on board there
        const res = await http(url(row.sha256), {
          method: 'PUT',
          headers: { ...headers, 'content-type': row.mime },
          body: new Uint8Array(bytes),
          signal: AbortSignal.timeout(60_000),
        });
        // 202: a hub kept it with shore away; 409: shore holds no reference to it yet. Either way
        // it goes again after the next pull brings something new.
        // 200/201: shore has it; its arrival comes with the next pull, so not sent again before.
        if (res.status === 202 || res.status === 409) waiting.add(row.sha256);
        else if (res.ok) {
          report.sent++;
          waiting.add(row.sha256);
        } else
          deps.log.warn({ sha256: row.sha256, status: res.status }, 'attachment not taken by shore; sent again later');
        await res.arrayBuffer().catch(() => undefined);
      }
      const wanted = (deps.viaHub() ? referenced : toFetch).all(deps.siteId) as { sha256: string }[];
      for (const row of wanted) {
        if (deps.files.has(row.sha256)) continue;
        const res = await http(url(row.sha256), { headers, signal: AbortSignal.timeout(60_000) });
        if (!res.ok) {
          await res.arrayBuffer().catch(() => undefined);
          continue;
        }
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (sha256Of(bytes) !== row.sha256) {
          deps.log.warn({ sha256: row.sha256 }, 'an attachment fetched does not match its hash; not kept');
          continue;
        }
        deps.files.write(bytes);
        report.fetched++;
      }
    } catch (err) {
      report.held = 'unreachable';
      deps.log.info({ err: err instanceof Error ? err.message : String(err) }, 'attachments wait for the link');
    }
    if (report.sent || report.fetched) deps.log.info(report, 'attachments moved');
    if (report.fetched) deps.onFetched?.();
    return report;
  }

  function run(): Promise<TransferReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let last: TransferReport;
      do {
        again = false;
        last = await once();
      } while (again);
      return last;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    run,
    /** Rows arrived from a pull: a reference shore now holds may be sent, an arrival fetched. */
    pulled(): Promise<TransferReport> {
      waiting.clear();
      return run();
    },
    start() {
      stopTimer = deps.clock.every(deps.everyMs ?? 30_000, () => void run());
    },
    async stop() {
      stopTimer?.();
      await running?.catch(() => undefined);
    },
  };
}

export type AttachmentTransfer = ReturnType<typeof createAttachmentTransfer>;
