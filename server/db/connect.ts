import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { CentralDatabase } from './central-schema.js';

const { Pool, types: pgTypes } = pg;
const TIMESTAMPTZ = 1184;
const INT8 = 20;

const defaultTimestamptz = pgTypes.getTypeParser(TIMESTAMPTZ) as (v: string) => Date | number;

// PostgreSQL's text form of a timestamptz in a UTC session: "2026-11-22 09:00:00.123456+00".
const PG_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

const toIso = (v: string): string => {
  // The pools' sessions run in UTC, so the common case is rewritten in place: going through a
  // Date was a third of the service's time on a large pull. Milliseconds are cut, not rounded,
  // as a Date would.
  const m = PG_UTC.exec(v);
  if (m) return `${m[1]}T${m[2]}.${((m[3] ?? '') + '000').slice(0, 3)}Z`;
  const d = defaultTimestamptz(v);
  // 'infinity' parses to ±Infinity; no Shiftdeck column holds it, so keep PostgreSQL's text.
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : v;
};

const toSafeNumber = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} does not fit a JavaScript number`);
  return n;
};

/**
 * Column parsers for the central pools, so rows read from PostgreSQL look like the kiosk's:
 * timestamptz as ISO-8601 strings (`2026-11-22T09:00:00.000Z`) and int8 (versions, seqs, counts)
 * as numbers. Given per pool, never set globally, so no other pg user in the process is affected.
 */
export const centralTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === TIMESTAMPTZ) return toIso;
      if (oid === INT8) return toSafeNumber;
    }
    return pgTypes.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface CentralDbOptions {
  url: string;
  /** Pool size (default 10). */
  max?: number;
  /** Reported when an idle pooled connection fails (PostgreSQL restarted); the pool reconnects. */
  onIdleError?: (err: Error) => void;
}

/**
 * A Kysely over a pg Pool for the central database. Use the service role's URL for everything
 * the sync service does; the owner's URL only for migrations, roles and administration.
 *
 * @example
 * const db = createCentralDb({ url: serviceUrl });
 * const n = await db.selectFrom('devices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
 * await db.destroy();
 */
export function createCentralDb(opts: CentralDbOptions): Kysely<CentralDatabase> {
  const pool = new Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    types: centralTypes,
    options: '-c TimeZone=UTC',
  });
  pool.on('error', (err) => opts.onIdleError?.(err));
  return new Kysely<CentralDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL `url` with another user and password (same host, port and database). */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The URL `url` pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}
