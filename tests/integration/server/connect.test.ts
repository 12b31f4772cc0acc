import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('central connections', () => {
  it('read timestamptz as ISO-8601 strings and bigint as numbers, like the kiosk\'s rows', async () => {
    const t = await createTestDatabase();
    const r = await sql<{ at: unknown; big: unknown; n: unknown; none: unknown }>`
      SELECT '2026-11-22 10:00:00.123+01'::timestamptz AS at, 9007199254740991::bigint AS big, count(*) AS n, NULL::timestamptz AS none FROM roles`.execute(t.service);
    expect(r.rows[0]).toEqual({ at: '2026-11-22T09:00:00.123Z', big: 9007199254740991, n: 14, none: null });
    await expect(sql`SELECT 9007199254740993::bigint AS too_big`.execute(t.service)).rejects.toThrow(/does not fit/);
  });

  it('leave other pg users in the process with pg\'s own parsers', async () => {
    const t = await createTestDatabase();
    const c = new pg.Client(t.adminUrl);
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT now() AS at, 1::bigint AS big`);
      expect(rows[0].at).toBeInstanceOf(Date);
      expect(rows[0].big).toBe('1');
    } finally {
      await c.end();
    }
  });
});
