import type { SigningKey } from '../../../shared/training/certificate-signing.js';
import { registerSigningKey } from '../../../shared/training/mutations.js';
import type { Store } from '../db/store.js';
import { deviceKey } from '../device-key.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/**
 * This kiosk's certificate-signing key, which is its device key (electron/core/device-key.ts),
 * its public half published as a training_signing_keys row by a device mutation, which the
 * server accepts only from this enrolled device.
 */
export async function deviceSigningKey(store: Store, runner: MutationRunner): Promise<SigningKey> {
  const key = await deviceKey(store);
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
