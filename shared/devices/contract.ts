import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { codeTtlMinutes } from '../sync/protocol.js';
import { deviceName } from './mutations.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

export const deviceEntry = z.object({
  id: z.string(),
  name: z.string(),
  /** This kiosk: it can be renamed here but not revoked from here. */
  self: z.boolean(),
  appVersion: z.string(),
  online: z.boolean(),
  route: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  /** When the device last reported: its "last seen" as far as this kiosk knows. */
  reportedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});

const deviceId = z.uuid({ error: 'Pick a device from the list' });

/** The site's devices as the kiosks report them, renamed and revoked by administrators. */
export const devicesContract = {
  'devices.list': method({
    access: 'devices.manage',
    input: z.object({}).strict(),
    output: z.object({ devices: z.array(deviceEntry), now: z.string() }),
  }),
  'devices.rename': method({
    access: 'devices.manage',
    input: z.object({ deviceId, name: deviceName }).strict(),
    output: z.object({ devices: z.array(deviceEntry), now: z.string() }),
  }),
  'devices.revoke': method({
    access: 'devices.manage',
    input: z.object({ deviceId }).strict(),
    output: z.object({ devices: z.array(deviceEntry), now: z.string() }),
  }),
  /** A one-time code from shore for a new kiosk of this site, with the QR code that carries it. */
  'devices.newCode': method({
    access: 'devices.manage',
    input: z.object({ ttlMinutes: codeTtlMinutes }).strict(),
    output: z.object({
      code: z.string(),
      expiresAt: z.string(),
      /** What the QR code holds: the service's address and the code (shared/devices/enrol-payload.ts). */
      payload: z.string(),
      /** The QR code as a PNG data URL, drawn on the kiosk. */
      qr: z.string().startsWith('data:image/png;base64,'),
    }),
  }),
} as const;
