import { hostname } from 'node:os';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { enrollResponse } from '../../../shared/sync/protocol.js';
import type { Store } from '../db/store.js';

interface Meta {
  get(key: string): string | undefined;
  set(key: string, value: string): Promise<void>;
}

/**
 * First start of a synced kiosk: trades the one-time code for a device token. The server's device
 * id and site become this kiosk's; a kiosk that already queued local changes under another
 * identity is refused rather than mixing two devices' histories.
 */
export async function enrollDevice(
  store: Store,
  meta: Meta,
  opts: { serverUrl: string; enrollCode?: string; deviceName?: string; publicKey?: string },
): Promise<void> {
  if (!opts.enrollCode)
    throw new AppError(
      'UNAUTHENTICATED',
      'This kiosk is not enrolled yet. Start it with an enrollment code from the shore office (--enroll-code).',
    );
  const queued = store.raw.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
  if (queued.n > 0)
    throw new AppError(
      'CONFLICT',
      'This kiosk already holds changes made before enrollment. Back them up and start from a new data folder to enroll it.',
    );
  const deviceName = opts.deviceName ?? `Kiosk ${hostname()}`;
  const r = await requestEnrollment(opts.serverUrl, {
    code: opts.enrollCode,
    deviceName,
    publicKey: opts.publicKey,
  });
  // The name it reports itself under to the site's devices (electron/core/devices/report-job.ts).
  await meta.set('device_name', deviceName);
  await meta.set('device_id', r.deviceId);
  await meta.set('site_id', r.siteId);
  await meta.set('sync.server', opts.serverUrl);
  await meta.set('sync.token', r.token);
}

/**
 * Trades a one-time code for a device token at the sync service (POST /v1/enroll). With
 * `deviceId` and `siteId`, a kiosk a restored shore forgot enrols again as itself, for its site.
 * `publicKey` registers the device key shore checks its mutations' signatures with.
 */
export async function requestEnrollment(
  serverUrl: string,
  body: { code: string; deviceName: string; deviceId?: string; heldSiteId?: string; publicKey?: string },
): Promise<z.infer<typeof enrollResponse>> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl.replace(/\/$/, '')}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new AppError(
      'INTERNAL',
      `Could not reach the sync service at ${serverUrl} to enroll (${(err as Error).message}). Check the link and try again.`,
    );
  }
  const json = (await res.json()) as unknown;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } }).error;
    throw new AppError(
      e?.code === 'CONFLICT' ? 'CONFLICT' : 'UNAUTHENTICATED',
      `Enrollment refused: ${e?.message ?? `HTTP ${res.status}`}`,
      { field: 'code' },
    );
  }
  return enrollResponse.parse(json);
}
