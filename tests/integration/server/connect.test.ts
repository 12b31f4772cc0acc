import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('central connections', () => {
  it("read timestamptz as ISO-8601 strings and bigint as numbers, like the kiosk's rows", async () => {
    const t = await createTestDatabase();
    const r = await sql<{ at: unknown; big: unknown; n: unknown; none: unknown }>`
      SELECT '2026-11-22 10:00:00.123+01'::timestamptz AS at, 9007199254740991::bigint AS big, count(*) AS n, NULL::timestamptz AS none FROM roles`.execute(
      t.service,
    );
    // count(*) is a bigint: it must come back as a number, as many as the built-in roles seeded.
    expect(r.rows[0]).toEqual({
      at: '2026-11-22T09:00:00.123Z',
      big: 9007199254740991,
      n: DEFAULT_ROLES.length,
      none: null,
    });
    await expect(sql`SELECT 9007199254740993::bigint AS too_big`.execute(t.service)).rejects.toThrow(/does not fit/);
  });

  it('give every precision of timestamptz the ISO string a Date would, in a UTC session and in any other', async () => {
    const t = await createTestDatabase();
    const cases = [
      '2026-11-22 09:00:00+00',
      '2026-11-22 09:00:00.1+00',
      '2026-11-22 09:00:00.12+00',
      '2026-11-22 09:00:00.123+00',
      '2026-11-22 09:00:00.123999+00',
      '2026-03-29 01:59:59.999999+00',
      '0999-01-01 00:00:00+00',
    ];
    const expected = cases.map((c) =>
      new Date(
        c
          .replace(' ', 'T')
          .replace(/(\.\d{3})\d+/, '$1')
          .replace('+00', 'Z'),
      ).toISOString(),
    );
    const read = async (zone?: string) => {
      const row = await t.service.transaction().execute(async (trx) => {
        if (zone) await sql`SET LOCAL TimeZone = ${sql.lit(zone)}`.execute(trx);
        return (
          await sql<
            Record<string, string>
          >`SELECT ${sql.join(cases.map((c, i) => sql`${c}::timestamptz AS ${sql.id(`t${i}`)}`))}`.execute(trx)
        ).rows[0];
      });
      return cases.map((_, i) => row[`t${i}`]);
    };
    expect(await read()).toEqual(expected);
    // A session in another zone (a DBA's ALTER ROLE ... SET TimeZone) goes the slow way, same result.
    expect(await read('Pacific/Chatham')).toEqual(expected);
  });

  it("leave other pg users in the process with pg's own parsers", async () => {
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
