import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { PUBLIC_KEY_SHAPE } from '../../shared/sync/mutation-signature.js';
import type { CentralDatabase } from '../db/central-schema.js';
import type { DeviceIdentity } from './enrollment.js';

/** Whose push this is: the device whose mutations the batch holds, and whether a relay carried it. */
export interface PushIdentity {
  device: DeviceIdentity;
  /** The relay's device id when a hub carried the batch; null when the device sent it itself. */
  relayedBy: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The device a POST /v1/push speaks for. Without a relay header it is the caller (the token's
 * device). With one (`x-shiftdeck-relay-for`, shared/sync/relay.ts), the caller is a relay and the
 * named device must be an enrolled, unrevoked device of the relay's own site: another site's
 * device, an unknown one and a revoked one get the same refusal, which says nothing about other
 * sites.
 *
 * @example
 * const { device, relayedBy } = await pushIdentity(db, req.device, req.headers['x-shiftdeck-relay-for']);
 */
export async function pushIdentity(
  db: Kysely<CentralDatabase>,
  caller: DeviceIdentity,
  relayFor: string | string[] | undefined,
): Promise<PushIdentity> {
  if (relayFor === undefined) {
    const own = await db
      .selectFrom('devices')
      .select('public_key')
      .where('id', '=', caller.deviceId)
      .executeTakeFirst();
    return { device: { ...caller, publicKey: own?.public_key ?? null }, relayedBy: null };
  }
  const id = Array.isArray(relayFor) ? relayFor[0] : relayFor;
  const refused = new AppError(
    'FORBIDDEN',
    `This relay may carry pushes only for enrolled devices of its own site; ${String(id).slice(0, 40)} is not one. Nothing was applied.`,
    { reason: 'relay_out_of_site' },
  );
  if (Array.isArray(relayFor) && relayFor.length !== 1) throw refused;
  if (!UUID.test(id)) throw refused;
  const row = await db
    .selectFrom('devices')
    .select(['id', 'site_id', 'revoked_at', 'public_key'])
    .where('id', '=', id.toLowerCase())
    .executeTakeFirst();
  if (!row || row.revoked_at || row.site_id !== caller.siteId) throw refused;
  return {
    device: { deviceId: row.id, siteId: row.site_id, publicKey: row.public_key },
    relayedBy: caller.deviceId,
  };
}

/**
 * The key shore checks the push's signatures with. A device enrolled before mutations were
 * signed has none: the first key it offers on a push over its own token is registered, once (trust
 * on first use over the authenticated link, the trust its token already has); a relayed push never
 * registers one, so a hub cannot choose the key of a device it carries. A registered key does not
 * change except by enrolling again: another key offered is refused, nothing applied.
 */
export async function signingKeyFor(
  db: Kysely<CentralDatabase>,
  who: PushIdentity,
  offered: string | undefined,
  now: number,
): Promise<string | null> {
  const registered = who.device.publicKey ?? null;
  if (offered === undefined || who.relayedBy !== null) return registered;
  if (registered !== null) {
    if (offered !== registered)
      throw new AppError(
        'CONFLICT',
        'This kiosk signs with another key than the one shore registered for it. Enrol it again with a new code; nothing was applied.',
        { reason: 'device_key_mismatch' },
      );
    return registered;
  }
  if (!PUBLIC_KEY_SHAPE.test(offered))
    throw new AppError('VALIDATION_FAILED', 'devicePublicKey must be a raw Ed25519 public key in base64url.', {
      field: 'devicePublicKey',
    });
  const set = await db
    .updateTable('devices')
    .set({ public_key: offered, key_registered_at: new Date(now).toISOString() })
    .where('id', '=', who.device.deviceId)
    .where('public_key', 'is', null)
    .returning('public_key')
    .executeTakeFirst();
  if (set) return set.public_key;
  // Another push of the same device registered one first: that one stands.
  const row = await db
    .selectFrom('devices')
    .select('public_key')
    .where('id', '=', who.device.deviceId)
    .executeTakeFirstOrThrow();
  if (row.public_key !== offered)
    throw new AppError(
      'CONFLICT',
      'This kiosk signs with another key than the one shore registered for it. Enrol it again with a new code; nothing was applied.',
      { reason: 'device_key_mismatch' },
    );
  return row.public_key;
}
