import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('migrations local and central 0018_certificate_templates', () => {
  it('on the kiosk: the table sits behind the write gate and refuses a logo type other than PNG or JPEG', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO training_certificate_templates (id, site_id, signatory_name, signatory_title, created_at, updated_at) VALUES ('a', 's', 'n', 't', 'now', 'now')",
        )
        .run(),
    ).toThrow();
    const triggers = kiosk.store.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'training_certificate_templates'")
      .all();
    expect(triggers.length).toBeGreaterThan(0);
    const check = kiosk.store.raw
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'training_certificate_templates'")
      .get() as { sql: string };
    expect(check.sql).toMatch(/logo_mime IN \('image\/png', 'image\/jpeg'\)/);
  });

  it('on the central database: one template per site, and another site never sees it', async () => {
    const db = await createTestDatabase();
    const insert = () =>
      sql`INSERT INTO training_certificate_templates (id, site_id, signatory_name, signatory_title, created_at, updated_at, _version)
        VALUES (gen_random_uuid(), ${demoSiteId('vessel')}, 'Erik Hansen', 'Master', now(), now(), 1)`.execute(
        db.admin,
      );
    await insert();
    await expect(insert()).rejects.toThrow();
    await expect(
      sql`UPDATE training_certificate_templates SET logo_mime = 'image/svg+xml'`.execute(db.admin),
    ).rejects.toThrow();
    const seen = await inSiteTransaction(db.service, demoSiteId('restaurant'), (trx) =>
      trx.selectFrom('training_certificate_templates').select('id').execute(),
    );
    expect(seen).toEqual([]);
    const own = await inSiteTransaction(db.service, demoSiteId('vessel'), (trx) =>
      trx.selectFrom('training_certificate_templates').select('signatory_name').execute(),
    );
    expect(own).toEqual([{ signatory_name: 'Erik Hansen' }]);
  });
});
