import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from '../../../server/pg/embedded.js';
import { makeTempDir } from '../../helpers/tmp.js';

const query = async (url: string, text: string) => {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
};

describe('embedded PostgreSQL', () => {
  it('creates a cluster in an empty data dir once, then restarts it with its data, on a free port', async () => {
    const base = makeTempDir('shiftdeck-embedded-');
    chmodSync(base, 0o711); // as root, the cluster's `postgres` user must be able to walk in
    const dataDir = join(base, 'central');
    const first = await startEmbeddedPostgres({ dataDir, port: 0, unsafeFast: true });
    try {
      expect(first.initialised).toBe(true);
      expect(first.port).toBeGreaterThan(0);
      await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      expect(findRunningEmbeddedPostgres(dataDir)?.port).toBe(first.port);
      await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(/already running/);
    } finally {
      await first.stop();
    }
    expect(findRunningEmbeddedPostgres(dataDir)).toBeNull();
    // Only the owner reads the superuser's password.
    expect(statSync(join(dataDir, 'superuser.secret')).mode & 0o077).toBe(0);

    const second = await startEmbeddedPostgres({ dataDir, port: 0, unsafeFast: true });
    try {
      expect(second.initialised).toBe(false);
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
      expect(await query(second.url, "SELECT current_setting('server_encoding') AS enc")).toEqual([{ enc: 'UTF8' }]);
    } finally {
      await second.stop();
      await second.stop(); // stopping twice is harmless
    }
  });
});
