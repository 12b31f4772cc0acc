import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation, type MutationContext, type MutationDef } from '../mutations/define.js';

export const DEVICE_NAME_MAX = 80;
export const deviceName = z
  .string()
  .trim()
  .min(1, 'Give the device a name, e.g. Galley kiosk')
  .max(DEVICE_NAME_MAX, `A device name has at most ${DEVICE_NAME_MAX} characters`);

const stamp = z.iso.datetime();

/** A device of this site by id, or a NOT_FOUND that names the field. */
async function siteDevice(ctx: MutationContext, deviceId: string) {
  const row = await ctx.db
    .selectFrom('device_status')
    .select(['id', 'name', 'revoked_at'])
    .where('id', '=', deviceId)
    .where('site_id', '=', ctx.siteId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', 'There is no such device at this site. Refresh the list of devices.', {
      field: 'deviceId',
    });
  return row;
}

function refuseRevoked(row: { name: string; revoked_at: string | null }) {
  if (row.revoked_at)
    throw new AppError('CONFLICT', `${row.name} was revoked on ${row.revoked_at}; nothing was changed.`, {
      reason: 'device_revoked',
      field: 'deviceId',
    });
}

/**
 * A kiosk's own state, every quarter of an hour: the row of the device that queued it (never
 * another's), its name only when the row is new (an administrator's rename is not undone), and
 * the app version, link and pending changes as they were at `reportedAt`.
 */
export const reportDevice = defineMutation({
  name: 'devices.report',
  audit: 'none',
  version: 1,
  authority: 'device',
  args: z
    .object({
      name: deviceName,
      appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'A version such as 1.4.0'),
      online: z.boolean(),
      route: z.string().trim().min(1).max(40).nullable(),
      lastSyncAt: stamp.nullable(),
      pending: z.number().int().min(0),
      oldestPendingAt: stamp.nullable(),
      reportedAt: stamp,
    })
    .strict(),
  async run(ctx, a) {
    const state = {
      app_version: a.appVersion,
      online: a.online ? 1 : 0,
      route: a.route,
      last_sync_at: a.lastSyncAt,
      pending: a.pending,
      oldest_pending_at: a.oldestPendingAt,
      reported_at: a.reportedAt,
    };
    const inserted = await ctx.write.insertIfAbsent('device_status', {
      id: ctx.deviceId,
      site_id: ctx.siteId,
      name: a.name,
      ...state,
      revoked_at: null,
      revoked_by: null,
    });
    if (!inserted) await ctx.write.update('device_status', ctx.deviceId, state);
  },
});

/** An administrator gives a device of the site another name (shore's enrolment follows). */
export const renameDevice = defineMutation({
  name: 'devices.rename',
  version: 1,
  authority: 'devices.manage',
  args: z.object({ deviceId: z.uuid(), name: deviceName }).strict(),
  async run(ctx, a) {
    const row = await siteDevice(ctx, a.deviceId);
    refuseRevoked(row);
    if (row.name !== a.name) await ctx.write.update('device_status', a.deviceId, { name: a.name });
  },
});

/**
 * An administrator revokes a lost or replaced device: once shore applies it, the device's token
 * and its relayed pushes are refused; it must be enrolled again with a new code. Not the kiosk the
 * administrator stands at: that would lock the room out with the change still queued on it.
 */
export const revokeDevice = defineMutation({
  name: 'devices.revoke',
  version: 1,
  authority: 'devices.manage',
  args: z.object({ deviceId: z.uuid() }).strict(),
  async run(ctx, a) {
    if (a.deviceId === ctx.deviceId)
      throw new AppError(
        'CONFLICT',
        'This is the kiosk you are using. Revoke it from another kiosk of the site, or from the shore office.',
        { reason: 'own_device', field: 'deviceId' },
      );
    const row = await siteDevice(ctx, a.deviceId);
    refuseRevoked(row);
    await ctx.write.update('device_status', a.deviceId, { revoked_at: ctx.now, revoked_by: ctx.userId });
  },
});

export const DEVICES_MUTATIONS: readonly MutationDef[] = [reportDevice, renameDevice, revokeDevice];
