import Database from 'better-sqlite3';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { demoSite, demoUserId, type DemoSite } from '../../shared/demo.js';
import type { Result } from '../../shared/errors.js';
import { createManualClock, type ManualClock } from '../../electron/core/clock.js';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { createKiosk, type Kiosk, type KioskOptions } from '../../electron/core/kiosk.js';
import { localMigrationsDir } from '../../electron/core/paths.js';
import { createHttpHost } from '../../electron/host/http-host.js';
import { makeTempDir } from './tmp.js';

/** Where the kiosk keeps its database inside its data dir. */
export const dbFile = (dataDir: string) => join(dataDir, 'shiftdeck.db');

/** A PIN hash that costs about 1 ms instead of 100: the lockout and session tests sign in a lot. */
export const cheapHashPin = (pin: string) => hashPin(pin, { N: 1024, r: 8, p: 1, keyLength: 32 });

export interface KioskOpts {
  siteKey?: DemoSite['key'];
  /** Reopen an existing data dir (a restart) instead of making a new one. */
  dataDir?: string;
  migrationsDir?: string;
  clock?: ManualClock;
  /** Seed the demo site (default true). */
  demo?: boolean;
  fuelFeed?: KioskOptions['fuelFeed'];
}

export interface TestKiosk {
  kiosk: Kiosk;
  clock: ManualClock;
  dataDir: string;
  siteKey: DemoSite['key'];
  /** Closes this kiosk and opens a new one on the same data dir and clock: a restart. */
  reopen(opts?: Omit<KioskOpts, 'dataDir' | 'clock' | 'siteKey'>): Promise<TestKiosk>;
}

/**
 * A kiosk core on its own temp data dir with the demo site, a manual clock (09:00 UTC, 22 Nov 2026)
 * and a cheap PIN KDF. It is closed and its dir removed when the current test finishes.
 *
 * @example
 * const { kiosk, clock } = await makeKiosk();
 * const token = await signIn(kiosk, 'manager');
 */
export async function makeKiosk(opts: KioskOpts = {}): Promise<TestKiosk> {
  const siteKey = opts.siteKey ?? 'restaurant';
  const dataDir = opts.dataDir ?? makeTempDir('shiftdeck-kiosk-');
  const clock = opts.clock ?? createManualClock();
  const kiosk = await createKiosk({
    dataDir,
    migrationsDir: opts.migrationsDir,
    demo: opts.demo ?? true,
    siteKey,
    clock,
    hashPin: cheapHashPin,
    fuelFeed: opts.fuelFeed,
  });
  onTestFinished(() => kiosk.close());
  return {
    kiosk,
    clock,
    dataDir,
    siteKey,
    async reopen(more = {}) {
      await kiosk.close();
      return makeKiosk({ ...opts, ...more, dataDir, clock, siteKey });
    },
  };
}

export interface DemoPersonRef {
  id: string;
  name: string;
  pin: string;
  role: string;
}

/** The first demo person with `role` at the demo site `siteKey`. */
export function demoPerson(role: string, siteKey: DemoSite['key'] = 'restaurant'): DemoPersonRef {
  const p = demoSite(siteKey).people.find((x) => x.role === role);
  if (!p) throw new Error(`No demo person with role ${role} at ${siteKey}`);
  return { id: demoUserId(siteKey, p.name), name: p.name, pin: p.pin, role };
}

/** A PIN of the right shape that is nobody's demo PIN. */
export const WRONG_PIN = '0000';

/** Calls the dispatcher the way both transports do. */
export const call = (
  kiosk: Kiosk,
  method: string,
  input: unknown,
  token: string | null = null,
): Promise<Result<unknown>> => kiosk.dispatcher.dispatch(method, input, token);

/** Signs the demo person with `role` in and returns the session token; fails the test otherwise. */
export async function signIn(kiosk: Kiosk, role: string, siteKey: DemoSite['key'] = 'restaurant'): Promise<string> {
  const p = demoPerson(role, siteKey);
  const r = await call(kiosk, 'auth.signIn', { userId: p.id, pin: p.pin });
  if (!r.ok) throw new Error(`Sign-in of ${role} failed: ${r.error.code} ${r.error.message}`);
  return (r.value as { token: string }).token;
}

/** The error code of a failed result, or 'OK'; reads well in `expect(codeOf(r)).toBe(...)`. */
export const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);

/**
 * Waits until work the core started on its own (sweeps fired by `clock.advance`, status reads)
 * has finished: each round lets queued callbacks run, then waits for the store's write queue.
 */
export async function settle(kiosk: Kiosk, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setImmediate(r));
    await kiosk.store.transaction(async () => undefined);
  }
}

/** Moves the manual clock on, runs the periodic checks (idle lock, expiry) and waits for them. */
export async function advance(tk: TestKiosk, ms: number): Promise<void> {
  tk.clock.advance(ms);
  await tk.kiosk.tick();
  await settle(tk.kiosk);
}

/** Audit actions in the order they were written (by HLC, then id). */
export function auditActions(kiosk: Kiosk): string[] {
  return (kiosk.store.raw.prepare('SELECT action FROM audit_log ORDER BY hlc, id').all() as { action: string }[]).map(
    (r) => r.action,
  );
}

/** Opens a second, independent connection to a kiosk's database file (like the sqlite3 shell would). */
export function openSecondConnection(dataDir: string, readonly = false): Database.Database {
  const db = new Database(dbFile(dataDir), { readonly });
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return db;
}

/** The browser-mode host over this kiosk, closed when the test finishes. Use `.inject()` or `.listen()`. */
export async function makeHost(tk: TestKiosk, opts: { testClock?: boolean } = {}) {
  const host = await createHttpHost({ kiosk: tk.kiosk, testClock: opts.testClock ? tk.clock : undefined });
  onTestFinished(() => host.close());
  return host;
}

/** The shipped local migration files, in order (`0001_init.sql`, ...). */
export const shippedMigrations = (): string[] =>
  readdirSync(localMigrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();

/**
 * A temp copy of the shipped migrations, the first `count` of them (all by default), for tests
 * that edit a migration, add a newer one, or build a database as an older app version would.
 */
export function copyMigrations(count?: number): string {
  const dir = makeTempDir('shiftdeck-migrations-');
  for (const f of shippedMigrations().slice(0, count)) copyFileSync(join(localMigrationsDir, f), join(dir, f));
  return dir;
}
