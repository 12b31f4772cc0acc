import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ensureCentralIdentity, readCentralEpoch } from '../../../server/db/central-identity.js';
import { createCentralDb, withDatabase } from '../../../server/db/connect.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('central identity (migration 0007)', () => {
  it('keeps one epoch for one database, and starts a new one, linked to the old, on a copy of it', async () => {
    const t = await createTestDatabase();
    const first = await ensureCentralIdentity(t.admin);
    expect(first.renewed).toBe(false);
    expect(await ensureCentralIdentity(t.admin)).toEqual(first);
    expect(await readCentralEpoch(t.service)).toBe(first.epoch);

    // A copy carries the epoch rows but neither the database setting nor the OID.
    await Promise.all([t.admin.destroy(), t.service.destroy()]);
    const copyName = `${t.name}_copy`;
    const cluster = createCentralDb({ url: withDatabase(t.adminUrl, 'postgres'), max: 1 });
    onTestFinished(async () => {
      await sql`DROP DATABASE IF EXISTS ${sql.id(copyName)} WITH (FORCE)`.execute(cluster);
      await cluster.destroy();
    });
    await sql`CREATE DATABASE ${sql.id(copyName)} TEMPLATE ${sql.id(t.name)}`.execute(cluster);
    const copy = createCentralDb({ url: withDatabase(t.adminUrl, copyName), max: 1 });
    onTestFinished(() => copy.destroy());
    const second = await ensureCentralIdentity(copy);
    expect(second.renewed).toBe(true);
    expect(second.epoch).not.toBe(first.epoch);
    const rows = await sql<{
      reason: string;
      previous: string | null;
    }>`SELECT reason, previous::text FROM central_epochs ORDER BY started_at`.execute(copy);
    expect(rows.rows).toEqual([
      { reason: 'created', previous: null },
      { reason: 'copy', previous: first.epoch },
    ]);
    expect(await ensureCentralIdentity(copy)).toEqual({ epoch: second.epoch, renewed: false });
  });
});
