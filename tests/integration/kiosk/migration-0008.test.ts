import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { devicePublicKey, verifyMutation } from '../../../shared/sync/mutation-signature.js';
import { openStore } from '../../../electron/core/db/store.js';
import { deviceKey } from '../../../electron/core/device-key.js';
import { createKiosk } from '../../../electron/core/kiosk.js';
import { cheapHashPin, copyMigrations, dbFile } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

const DEVICE = '01a201b5-f286-73a8-a6e8-1a5d9a378b3a';
const HLC = (n: number) => `00017953380${String(n).padStart(5, '0')}-0000-${DEVICE}`;
const ENTRY = (seq: number) => ({
  seq,
  name: 'audit.recordAuthEvent',
  version: 1,
  args: `{"id":"a${seq}","detail":{"n":${seq}}}`,
  hlc: HLC(seq),
  user_id: null,
});

describe('migration 0008 (signed mutations)', () => {
  it('adds an empty signature to queued and settled entries, which the kiosk signs with its own key at its next start', async () => {
    const dataDir = makeTempDir('shiftdeck-0008-');
    const before = openStore({ path: dbFile(dataDir), migrationsDir: copyMigrations(7) });
    await before.transaction(async () => {
      const meta = before.raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('device_id', DEVICE);
      meta.run('site_id', demoSiteId('restaurant'));
      before.raw
        .prepare(
          "INSERT INTO settled_mutations (seq, name, version, args, hlc, user_id, rows, settled_at) VALUES (@seq, @name, @version, @args, @hlc, @user_id, '', '2026-11-20T09:00:00.000Z')",
        )
        .run(ENTRY(1));
      const queue = before.raw.prepare(
        "INSERT INTO outbox (seq, name, version, args, hlc, user_id, status) VALUES (@seq, @name, @version, @args, @hlc, @user_id, 'pending')",
      );
      queue.run(ENTRY(2));
      queue.run(ENTRY(3));
    });
    await before.close();

    const migrated = openStore({ path: dbFile(dataDir), migrationsDir: copyMigrations(8) });
    expect(migrated.migrations.applied).toEqual([8]);
    expect(migrated.raw.prepare('SELECT seq, sig FROM outbox ORDER BY seq').all()).toEqual([
      { seq: 2, sig: '' },
      { seq: 3, sig: '' },
    ]);
    expect(migrated.raw.prepare('SELECT seq, sig FROM settled_mutations').all()).toEqual([{ seq: 1, sig: '' }]);
    await migrated.close();

    const kiosk = await createKiosk({ dataDir, demo: true, siteKey: 'restaurant', hashPin: cheapHashPin });
    try {
      const key = devicePublicKey((await deviceKey(kiosk.store)).publicKey)!;
      const signed = [
        ...(kiosk.store.raw.prepare('SELECT seq, sig FROM settled_mutations WHERE seq = 1').all() as {
          seq: number;
          sig: string;
        }[]),
        ...(kiosk.store.raw.prepare('SELECT seq, sig FROM outbox WHERE seq IN (2, 3) ORDER BY seq').all() as {
          seq: number;
          sig: string;
        }[]),
      ];
      expect(signed.map((s) => s.seq)).toEqual([1, 2, 3]);
      for (const { seq, sig } of signed) {
        const e = ENTRY(seq);
        const fields = {
          deviceId: DEVICE,
          siteId: demoSiteId('restaurant'),
          seq,
          name: e.name,
          version: e.version,
          hlc: e.hlc,
          userId: null,
          args: JSON.parse(e.args) as unknown,
        };
        expect(verifyMutation(key, fields, sig), `seq ${seq}`).toBe(true);
      }
    } finally {
      await kiosk.close();
    }
  });
});
