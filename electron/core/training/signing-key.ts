import { newSigningKey, type SigningKey } from '../../../shared/training/certificate-signing.js';
import { registerSigningKey } from '../../../shared/training/mutations.js';
import type { Store } from '../db/store.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

const META_KEY = 'training.signing_key';

/**
 * This kiosk's certificate-signing key: made on first use, the private half kept in the local
 * `meta` table (never synced, never sent), the public half published as a training_signing_keys
 * row by a device mutation, which the server accepts only from this enrolled device.
 */
export async function deviceSigningKey(store: Store, runner: MutationRunner): Promise<SigningKey> {
  const row = store.raw.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  let key: SigningKey;
  if (row) key = JSON.parse(row.value) as SigningKey;
  else {
    key = newSigningKey();
    await store.transaction(
      async () =>
        void store.raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(key)),
    );
  }
  const listed = await store.db
    .selectFrom('training_signing_keys')
    .select('id')
    .where('key_id', '=', key.keyId)
    .executeTakeFirst();
  if (!listed)
    await runner.run(
      registerSigningKey,
      { keyId: key.keyId, publicKey: key.publicKey },
      { userId: null, permissions: [] },
    );
  return key;
}
