import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { can } from '../../shared/permissions.js';
import type { siteCodeRequest } from '../../shared/sync/protocol.js';
import type { CentralDatabase } from '../db/central-schema.js';
import { inSiteTransaction } from '../db/site-tx.js';
import { permissionsOf } from '../sync/push.js';
import { createEnrollmentCode, type DeviceIdentity, type EnrollmentCode } from './enrollment.js';

/**
 * A one-time enrolment code for the asking kiosk's own site (never another's), made only when the
 * person it names may manage devices there according to shore's copy of their role: a kiosk that
 * lies about who is signed in gets nothing a real administrator of its site could not give it.
 *
 * @example
 * const { code } = await codeForSite(db, req.device, { userId, ttlMinutes: 60 });
 */
export async function codeForSite(
  db: Kysely<CentralDatabase>,
  device: DeviceIdentity,
  body: z.output<typeof siteCodeRequest>,
  opts: { now?: number } = {},
): Promise<EnrollmentCode> {
  const permissions = await inSiteTransaction(db, device.siteId, (trx) =>
    permissionsOf(trx, device.siteId, body.userId),
  );
  if (!permissions || !can(permissions, 'devices.manage'))
    throw new AppError(
      'FORBIDDEN',
      'Only an administrator of this site may make an enrolment code. Sign in as one and try again.',
      { reason: 'not_allowed' },
    );
  return createEnrollmentCode(db, device.siteId, { ttlMinutes: body.ttlMinutes, now: opts.now });
}
