import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { CentralDatabase } from '../db/central-schema.js';
import { nextSiteVersion } from '../db/site-versions.js';
import { inSiteTransaction } from '../db/site-tx.js';

/**
 * Enrollment: an administrator makes a one-time code for a site; a kiosk trades it for a device
 * token bound to (site, device). The server keeps only SHA-256 hashes of codes and tokens.
 *
 * A fast hash is enough here, unlike for PINs, because both secrets are random and long: a code
 * is 12 symbols from a 31-symbol alphabet (59 bits: a GPU at 10^10 SHA-256/s needs about two
 * years to reverse a stolen hash, and a code lives hours), a token 256 bits. A deterministic
 * hash also lets one indexed lookup find the row, where a salted KDF would have to try every row.
 */

/** No 0/O, 1/I/L: read aloud or copied from a screen, nothing is mistaken. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_CODE_TTL_MINUTES = 7 * 24 * 60;

export interface DeviceIdentity {
  deviceId: string;
  siteId: string;
  /** The raw Ed25519 public key shore checks this device's mutations with; null until registered. */
  publicKey?: string | null;
}

export interface Enrollment extends DeviceIdentity {
  /** Shown to the kiosk once; only its hash is stored. */
  token: string;
}

export interface EnrollmentCode {
  id: string;
  /** `XXXX-XXXX-XXXX`; shown once to the administrator, only its hash is stored. */
  code: string;
  siteId: string;
  expiresAt: string;
}

type Now = { now?: number };

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** What a person typed, as the code was made: case, spaces and dashes do not matter. */
export const normaliseCode = (typed: string): string => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A fresh one-time code for `siteId`, valid `ttlMinutes`. The site must exist centrally.
 *
 * @example
 * const { code } = await createEnrollmentCode(db, siteId, { ttlMinutes: 60 }); // 'K7QM-2XHD-9RTA'
 */
export async function createEnrollmentCode(
  db: Kysely<CentralDatabase>,
  siteId: string,
  opts: { ttlMinutes: number } & Now,
): Promise<EnrollmentCode> {
  if (!Number.isInteger(opts.ttlMinutes) || opts.ttlMinutes < 1 || opts.ttlMinutes > MAX_CODE_TTL_MINUTES) {
    throw new AppError('VALIDATION_FAILED', `An enrollment code lives 1 to ${MAX_CODE_TTL_MINUTES} minutes (7 days).`, {
      ttlMinutes: opts.ttlMinutes,
    });
  }
  const site = await inSiteTransaction(db, siteId, (trx) =>
    trx.selectFrom('sites').select('id').where('id', '=', siteId).where('deleted_at', 'is', null).executeTakeFirst(),
  );
  if (!site)
    throw new AppError(
      'NOT_FOUND',
      `There is no site ${siteId} in the central database. Create the site first (or start the service with --demo).`,
      { siteId },
    );

  const symbols = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = symbols.match(/.{4}/g)!.join('-');
  const now = opts.now ?? Date.now();
  const row = {
    id: newId(),
    site_id: siteId,
    code_hash: sha256(symbols),
    created_at: iso(now),
    expires_at: iso(now + opts.ttlMinutes * 60_000),
  };
  await db.insertInto('enrollment_codes').values(row).execute();
  return { id: row.id, code, siteId, expiresAt: row.expires_at };
}

/**
 * Trades a code for a device token, once. The code is claimed and the device created in one
 * transaction, so two kiosks racing with one code cannot both get in.
 *
 * @example
 * const { deviceId, siteId, token } = await enroll(db, 'k7qm 2xhd 9rta', 'Galley kiosk');
 */
export async function enroll(
  db: Kysely<CentralDatabase>,
  typedCode: string,
  deviceName: string,
  opts: Now & { deviceId?: string; heldSiteId?: string; publicKey?: string } = {},
): Promise<Enrollment> {
  const name = deviceName.trim();
  if (name.length < 1 || name.length > 80)
    throw new AppError('VALIDATION_FAILED', 'Give the device a name of 1 to 80 characters, e.g. "Galley kiosk".');
  const codeHash = sha256(normaliseCode(typedCode));
  const now = iso(opts.now ?? Date.now());
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['id', 'site_id'])
      .executeTakeFirst();
    if (!claimed) {
      const known = await trx
        .selectFrom('enrollment_codes')
        .select(['used_at', 'expires_at'])
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (!known)
        throw new AppError(
          'UNAUTHENTICATED',
          'That enrollment code is not valid. Check it for typos, or ask an administrator for a new one.',
          { reason: 'code_unknown' },
        );
      if (known.used_at)
        throw new AppError(
          'UNAUTHENTICATED',
          'That enrollment code was already used; each code enrolls one device. Ask an administrator for a new one.',
          { reason: 'code_used' },
        );
      throw new AppError('UNAUTHENTICATED', 'That enrollment code has expired. Ask an administrator for a new one.', {
        reason: 'code_expired',
        expiredAt: known.expires_at,
      });
    }
    const token = randomBytes(32).toString('base64url');
    // A kiosk that shore forgot (shore restored from a backup older than its enrolment) enrols
    // again under its own id, so its history (seqs, the rows it wrote) stays one device's. An id
    // shore still knows is refused: the code would otherwise take over a device that works.
    if (opts.heldSiteId !== undefined && opts.heldSiteId !== claimed.site_id) {
      throw new AppError(
        'CONFLICT',
        "That enrollment code is for another site than the one this kiosk holds. Ask for a code for this kiosk's own site; the code stays unused.",
        { reason: 'other_site' },
      );
    }
    if (opts.deviceId !== undefined) {
      const known = await trx.selectFrom('devices').select('id').where('id', '=', opts.deviceId).executeTakeFirst();
      if (known)
        throw new AppError(
          'CONFLICT',
          'Shore still knows this device, so it cannot be enrolled again under the same identity. If it was revoked, enroll it as a new kiosk from a new data folder.',
          { reason: 'device_known' },
        );
    }
    const deviceId = opts.deviceId ?? newId();
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        site_id: claimed.site_id,
        name,
        token_hash: sha256(token),
        created_at: now,
        // The key comes with the one-time code, so whoever holds the code chose it: the same trust
        // the token itself gets. A kiosk enrolled again (shore forgot it) brings its key again.
        public_key: opts.publicKey ?? null,
        key_registered_at: opts.publicKey ? now : null,
      })
      .execute();
    await trx.updateTable('enrollment_codes').set({ device_id: deviceId }).where('id', '=', claimed.id).execute();
    return { deviceId, siteId: claimed.site_id, token };
  });
}

/**
 * The device and site a token stands for; a revoked or unknown token is refused. Nothing is
 * cached, so a revocation holds from the very next request.
 */
export async function authenticateDevice(db: Kysely<CentralDatabase>, token: string): Promise<DeviceIdentity> {
  if (!TOKEN.test(token))
    throw new AppError(
      'UNAUTHENTICATED',
      'This device is not enrolled (no valid device token). Enroll it with a code from an administrator.',
      { reason: 'token_invalid' },
    );
  // Looked up by its hash: comparing hashes of 256-bit secrets leaks nothing useful through timing.
  const device = await db
    .selectFrom('devices')
    .select(['id', 'site_id', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!device)
    throw new AppError(
      'UNAUTHENTICATED',
      'This device is not enrolled (unknown device token). Enroll it with a code from an administrator.',
      { reason: 'token_unknown' },
    );
  if (device.revoked_at)
    throw new AppError(
      'UNAUTHENTICATED',
      'This device was revoked by an administrator. Enroll it again with a new code.',
      { reason: 'device_revoked', revokedAt: device.revoked_at },
    );
  return { deviceId: device.id, siteId: device.site_id };
}

/** Revokes a device's token at once; revoking twice keeps the first time. */
export async function revokeDevice(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  opts: Now = {},
): Promise<{ revokedAt: string }> {
  if (!UUID.test(deviceId))
    throw new AppError('NOT_FOUND', `There is no enrolled device ${deviceId} (a device id is a UUID).`, { deviceId });
  const row = await db
    .updateTable('devices')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(iso(opts.now ?? Date.now()))) }))
    .where('id', '=', deviceId)
    .returning(['revoked_at', 'site_id'])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no enrolled device ${deviceId}.`, { deviceId });
  // The site's kiosks see it revoked too, in their devices list, with their next pull.
  await inSiteTransaction(db, row.site_id, async (trx) => {
    const listed = await trx
      .selectFrom('device_status')
      .select('revoked_at')
      .where('id', '=', deviceId)
      .where('site_id', '=', row.site_id)
      .executeTakeFirst();
    if (!listed || listed.revoked_at) return;
    await trx
      .updateTable('device_status')
      .set({
        revoked_at: row.revoked_at!,
        updated_at: iso(opts.now ?? Date.now()),
        _version: await nextSiteVersion(trx, row.site_id),
      })
      .where('id', '=', deviceId)
      .where('site_id', '=', row.site_id)
      .execute();
  });
  return { revokedAt: row.revoked_at! };
}
