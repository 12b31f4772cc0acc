import { newSigningKey, type SigningKey } from '../../shared/training/certificate-signing.js';
import type { Store } from './db/store.js';

/**
 * Where the key lives in the local `meta` table. The name is from when only certificates used
 * it; kept, so that kiosks that already sign certificates keep signing with the same key.
 */
const META_KEY = 'training.signing_key';

/**
 * This kiosk's Ed25519 device key: made on first use, the private half kept in the local `meta`
 * table (never synced, never sent anywhere). It signs training certificates and every mutation
 * the kiosk queues; its public half is registered with shore at enrolment.
 *
 * @example
 * const key = await deviceKey(store); // { keyId, publicKey, privateKeyPem }
 */
export async function deviceKey(store: Store): Promise<SigningKey> {
  const row = store.raw.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  if (row) return JSON.parse(row.value) as SigningKey;
  const key = newSigningKey();
  await store.transaction(
    async () =>
      void store.raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(key)),
  );
  return key;
}
