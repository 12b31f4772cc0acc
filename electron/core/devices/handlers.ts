import QRCode from 'qrcode';
import type { devicesContract } from '../../../shared/devices/contract.js';
import { enrolPayload } from '../../../shared/devices/enrol-payload.js';
import { AppError } from '../../../shared/errors.js';
import { renameDevice, revokeDevice } from '../../../shared/devices/mutations.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { readSyncStatus } from '../status.js';
import { actorOf } from '../api/actor.js';

type DevicesHandlers = Pick<Handlers, keyof typeof devicesContract>;

/**
 * The site's devices for administrators: this kiosk first, as it is now, then the others as they
 * last reported themselves, by name, revoked ones last. Read from the synced `device_status` rows,
 * so the list works with shore gone (what the hub relayed), and on a standalone kiosk (itself).
 */
export function createDevicesHandlers(deps: HandlerDeps): DevicesHandlers {
  const list = async () => {
    const site = await deps.site();
    const rows = await deps.store.db
      .selectFrom('device_status')
      .selectAll()
      .where('site_id', '=', site.id)
      .orderBy('name')
      .orderBy('id')
      .execute();
    // This kiosk as it is now (its row may be a quarter of an hour old, or absent on a standalone one).
    const link = deps.link();
    const status = await readSyncStatus(deps.store, link);
    const own = rows.find((r) => r.id === deps.deviceId);
    const now = new Date(deps.clock.now()).toISOString();
    const self = {
      id: deps.deviceId,
      name: own?.name ?? deps.deviceName?.() ?? deps.deviceId.slice(0, 8),
      self: true,
      appVersion: deps.version,
      online: link.online,
      route: deps.links?.()?.monitor.active ?? null,
      lastSyncAt: status.lastSyncAt,
      pending: status.pendingCount,
      oldestPendingAt: status.oldestPendingAt,
      reportedAt: now,
      revokedAt: own?.revoked_at ?? null,
      revokedBy: own?.revoked_by ?? null,
    };
    const others = rows
      .filter((r) => r.id !== deps.deviceId)
      .map((r) => ({
        id: r.id,
        name: r.name,
        self: false,
        appVersion: r.app_version,
        online: r.online === 1,
        route: r.route,
        lastSyncAt: r.last_sync_at,
        pending: r.pending,
        oldestPendingAt: r.oldest_pending_at,
        reportedAt: r.reported_at,
        revokedAt: r.revoked_at,
        revokedBy: r.revoked_by,
      }))
      .sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));
    return { devices: [self, ...others], now };
  };
  return {
    'devices.list': () => list(),
    'devices.rename': async (input, ctx) => {
      await deps.runner.run(renameDevice, input, actorOf(ctx));
      return list();
    },
    'devices.revoke': async (input, ctx) => {
      await deps.runner.run(revokeDevice, input, actorOf(ctx));
      return list();
    },
    'devices.newCode': async (input, ctx) => {
      if (!deps.siteCode)
        throw new AppError(
          'NOT_FOUND',
          'This kiosk does not sync with a shore office, so it cannot enrol another one. Use the shore office’s command.',
        );
      const made = await deps.siteCode(actorOf(ctx).userId, input.ttlMinutes);
      const payload = enrolPayload(made.server, made.code);
      const qr = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
      return { code: made.code, expiresAt: made.expiresAt, payload, qr };
    },
  };
}
