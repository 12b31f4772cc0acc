import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { tableChecksums } from '../../../server/db/central-drill.js';
import { withDatabase } from '../../../server/db/connect.js';
import { seedCentralDemo } from '../../../server/db/demo-seed.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

const run = promisify(execFile);

async function checksumsOf(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    return await tableChecksums(c);
  } finally {
    await c.end();
  }
}

describe('npm run central -- backup | restore | drill', () => {
  it('the drill restores into a scratch database and finds every table equal, while a kiosk keeps writing', async () => {
    const t = await createTestDatabase();
    await seedCentralDemo(t.service, { hashPin: cheapHashPin });
    const service = await startService({ db: t });
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const env = { ...process.env, DATABASE_URL: t.adminUrl, SHIFTDECK_SERVICE_PASSWORD: inject('pgServicePassword') };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, timeout: 90_000 });

    let writing = true;
    const writes = (async () => {
      let i = 0;
      while (writing) {
        await kiosk.runner.run(
          recordAuthEvent,
          { id: newId(), action: 'auth.sign_in', subjectUserId: null, detail: { i: i++ } },
          { userId: null, permissions: [] },
        );
        await kiosk.sync!.syncNow();
      }
      return i;
    })();
    const drill = await cli('drill');
    writing = false;
    expect(await writes).toBeGreaterThan(0);
    expect(drill.stdout).toMatch(/^ok +audit_log +\d+ rows/m);
    expect(drill.stdout).toMatch(/^ok +users +\d+ rows/m);
    expect(drill.stdout).not.toMatch(/^DIFF/m);
    expect(drill.stdout).toMatch(/Drill passed: \d+ tables/);
    // The scratch database is gone.
    const left = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'shiftdeck_drill_%'`.execute(t.admin);
    expect(left.rows[0].n).toBe(0);
  });

  it('backup then restore gives a database whose tables match; a changed row changes its checksum', async () => {
    const t = await createTestDatabase();
    await seedCentralDemo(t.service, { hashPin: cheapHashPin });
    await startService({ db: t }); // the identity a backup needs
    const env = { ...process.env, DATABASE_URL: t.adminUrl, SHIFTDECK_SERVICE_PASSWORD: inject('pgServicePassword') };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, timeout: 90_000 });
    const dump = join(makeTempDir('shiftdeck-central-'), 'central.dump');
    await cli('backup', '--file', dump);
    const target = `${t.name}_r`;
    const maintenance = withDatabase(t.adminUrl, 'postgres');
    onTestFinished(async () => {
      const c = new pg.Client({ connectionString: maintenance });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
      await c.end();
    });
    const restored = await cli('restore', '--file', dump, '--database', target);
    expect(restored.stdout).toContain(`into database ${target}`);

    const source = await checksumsOf(t.adminUrl);
    const copy = await checksumsOf(withDatabase(t.adminUrl, target));
    expect([...copy.keys()]).toEqual([...source.keys()]);
    // The backup itself is recorded after its dump started, so central_backups may differ; every other table matches.
    for (const [table, s] of source) if (table !== 'central_backups') expect(copy.get(table), table).toEqual(s);

    const c = new pg.Client({ connectionString: withDatabase(t.adminUrl, target) });
    await c.connect();
    await c.query(
      "UPDATE users SET display_name = display_name || ' (changed)' WHERE ctid = (SELECT ctid FROM users LIMIT 1)",
    );
    await c.end();
    const changed = await checksumsOf(withDatabase(t.adminUrl, target));
    expect(changed.get('users')!.rows).toBe(source.get('users')!.rows);
    expect(changed.get('users')!.checksum).not.toBe(source.get('users')!.checksum);

    // An existing database is never overwritten by accident.
    await expect(cli('restore', '--file', dump, '--database', target)).rejects.toMatchObject({
      stderr: expect.stringContaining('--replace') as unknown,
    });
  });
});
