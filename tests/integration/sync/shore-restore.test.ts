import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { outboxCounts, replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService, type TestService } from '../../helpers/sync.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';
import { recordBackup } from '../../../server/db/central-backup.js';
import { makeTempDir } from '../../helpers/tmp.js';

const run = promisify(execFile);
const device = { userId: null, permissions: [] };
const schedule = [{ weekday: 2, start: '10:00', durationMinutes: 60 }];

interface Written {
  audit: string[];
  students: string[];
}

/** A few changes on one kiosk: sign-in events and a student (with classes and a generation log). */
async function write(k: { kiosk: Kiosk; token: string }, into: Written, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const id = newId();
    await k.kiosk.runner.run(
      recordAuthEvent,
      { id, action: 'auth.sign_in', subjectUserId: null, detail: { tag, i } },
      device,
    );
    into.audit.push(id);
  }
  const r = await call(
    k.kiosk,
    'classes.createStudent',
    { firstName: tag, lastName: 'Restore', course: 'Sailing', startDate: '2026-11-16', endDate: null, schedule },
    k.token,
  );
  if (!r.ok) throw new Error(r.error.message);
  into.students.push((r.value as { id: string }).id);
}

const newestSeq = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').get() as { s: number }).s;

describe("shore restored from last night's backup", () => {
  it('kiosks notice, send again what shore lost, re-pull, and a kiosk shore forgot enrols again: every acknowledged change is in central once and every replica equals it', async () => {
    const first = await startService();
    const written: Written = { audit: [], students: [] };
    const proxies: TcpProxy[] = [];
    const kiosks: { kiosk: Kiosk; token: string }[] = [];
    const join_ = async (service: TestService, key: 'restaurant' | 'vessel', role: string) => {
      const proxy = await startTcpProxy(service.url);
      const { kiosk } = await enrolledKiosk({ url: proxy.url, code: service.code }, key, {
        serverUrl: proxy.url,
        clock: createManualClock(),
      });
      proxies.push(proxy);
      const k = { kiosk, token: await signIn(kiosk, role, key) };
      kiosks.push(k);
      return k;
    };
    const a = await join_(first, 'restaurant', 'instructor');
    const b = await join_(first, 'restaurant', 'instructor');
    const c = await join_(first, 'vessel', 'instructor');
    const syncEveryone = async (rounds = 2) => {
      for (let i = 0; i < rounds; i++) for (const k of kiosks) await k.kiosk.sync!.syncNow();
    };
    for (const [i, k] of [a, b, c].entries()) await write(k, written, 3, `before-${i}`);
    await syncEveryone();

    // The backup, taken while a kiosk keeps writing and syncing.
    const dump = join(makeTempDir('shiftdeck-backup-'), 'central.dump');
    const dumping = run('pg_dump', ['-Fc', '-f', dump, '-d', first.db.adminUrl]);
    for (let i = 0; i < 3; i++) {
      await write(a, written, 2, `during-${i}`);
      await a.kiosk.sync!.syncNow();
    }
    await dumping;

    // A day goes on after the backup: more acknowledged changes, and a kiosk enrolled since.
    for (const [i, k] of [a, b, c].entries()) await write(k, written, 4, `after-${i}`);
    const d = await join_(first, 'restaurant', 'admin');
    await write(d, written, 3, 'late-kiosk');
    await syncEveryone();
    for (const k of kiosks) expect(outboxCounts(k.kiosk).pending ?? 0, 'all acknowledged before the restore').toBe(0);

    // Shore is restored from the dump into a new database, and the service is pointed at it.
    await first.close();
    const restoredDb = await createTestDatabase({ empty: true });
    await run('pg_restore', ['--exit-on-error', '-d', restoredDb.adminUrl, dump]);
    const second = await startService({ db: restoredDb });
    for (const p of proxies) p.retarget(second.url);
    const epochs = await sql<{ reason: string }>`SELECT reason FROM central_epochs ORDER BY started_at`.execute(
      restoredDb.admin,
    );
    expect(epochs.rows.map((r) => r.reason)).toEqual(['created', 'copy']);

    // Work goes on while kiosks find out.
    for (const [i, k] of [a, b, c].entries()) await write(k, written, 2, `restored-${i}`);
    await syncEveryone(3);

    // The kiosk shore no longer knows says so, and stops asking.
    const dStatus = await statusOf(d.kiosk);
    expect(dStatus.deviceUnknown).toBe(true);
    const dProxy = proxies[kiosks.indexOf(d)];
    const asked = dProxy.count('pass');
    await write(d, written, 1, 'late-kiosk-offline');
    for (let i = 0; i < 5; i++) await d.kiosk.sync!.syncNow();
    expect(dProxy.count('pass'), 'requests from a kiosk shore refused').toBe(asked);

    // Enrolled again with a new code: its data and its pending change stay, and reach shore.
    const code = await second.code('restaurant');
    const r = await call(d.kiosk, 'sync.reenrol', { code }, d.token);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    await syncEveryone(3);

    const audit = await sql<{
      id: string;
      n: number;
    }>`SELECT id::text, count(*)::int AS n FROM audit_log WHERE id = ANY(${written.audit}::uuid[]) GROUP BY id`.execute(
      restoredDb.admin,
    );
    expect(audit.rows.filter((x) => x.n !== 1)).toEqual([]);
    expect(audit.rows.length, 'acknowledged audit entries in the restored central').toBe(written.audit.length);
    const students = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM students WHERE id = ANY(${written.students}::uuid[])`.execute(restoredDb.admin);
    expect(students.rows[0].n).toBe(written.students.length);
    for (const [i, k] of kiosks.entries()) {
      const dev = await restoredDb.admin
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', k.kiosk.deviceId)
        .executeTakeFirstOrThrow();
      expect(dev.last_seq, `kiosk ${i}: shore holds all its seqs`).toBe(newestSeq(k.kiosk));
      expect(outboxCounts(k.kiosk).pending ?? 0, `kiosk ${i} pending`).toBe(0);
      expect(await replicaDiff(k.kiosk, restoredDb.admin), `kiosk ${i} differs from the restored central`).toEqual([]);
    }
    expect((await statusOf(d.kiosk)).deviceUnknown).toBe(false);
  });

  it('keeps settled mutations for the retention window (30 days by default), then lets them go', async () => {
    const service = await startService();
    const clock = createManualClock();
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    const settled = () =>
      (kiosk.store.raw.prepare('SELECT seq FROM settled_mutations ORDER BY seq').all() as { seq: number }[]).map(
        (r) => r.seq,
      );
    const k = { kiosk, token: await signIn(kiosk, 'instructor') };
    const written: Written = { audit: [], students: [] };
    await write(k, written, 3, 'old');
    await kiosk.sync!.syncNow();
    const old = settled();
    // Everything acknowledged so far (the student, the events, and whatever the kiosk's own jobs wrote).
    expect(old.length, 'acknowledged and kept').toBe(newestSeq(kiosk));
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);

    clock.advance(29 * 86_400_000);
    k.token = await signIn(kiosk, 'instructor'); // sessions last 8 hours
    await write(k, written, 1, 'day-29');
    await kiosk.sync!.syncNow();
    expect(settled().slice(0, old.length), 'younger than 30 days: kept').toEqual(old);

    clock.advance(2 * 86_400_000);
    k.token = await signIn(kiosk, 'instructor');
    await write(k, written, 1, 'day-31');
    await kiosk.sync!.syncNow();
    const kept = settled();
    expect(
      kept.some((s) => old.includes(s)),
      'older than 30 days: gone',
    ).toBe(false);
    expect(kept, 'newer ones stay').toEqual(
      Array.from({ length: newestSeq(kiosk) - old.length }, (_, i) => old.length + 1 + i),
    );
  });

  it('past the window, keeps what no backup shore reported holds yet, and lets it go once one does', async () => {
    const service = await startService();
    const clock = createManualClock();
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    const settled = () =>
      (kiosk.store.raw.prepare('SELECT seq FROM settled_mutations ORDER BY seq').all() as { seq: number }[]).map(
        (r) => r.seq,
      );
    const k = { kiosk, token: await signIn(kiosk, 'instructor') };
    const written: Written = { audit: [], students: [] };
    const backup = () =>
      recordBackup(service.db.admin, () =>
        run('pg_dump', ['-Fc', '-f', join(makeTempDir('shiftdeck-backup-'), 'c.dump'), '-d', service.db.adminUrl]),
      );
    await write(k, written, 2, 'in-backup');
    await kiosk.sync!.syncNow();
    const inBackup = settled();
    await backup();
    await write(k, written, 2, 'not-in-backup');
    await kiosk.sync!.syncNow();
    const notInBackup = settled().filter((s) => !inBackup.includes(s));
    expect(notInBackup.length).toBeGreaterThan(0);

    clock.advance(31 * 86_400_000);
    k.token = await signIn(kiosk, 'instructor');
    await write(k, written, 1, 'day-31');
    await kiosk.sync!.syncNow();
    expect(
      settled().some((s) => inBackup.includes(s)),
      'old and in a backup: gone',
    ).toBe(false);
    expect(settled().slice(0, notInBackup.length), 'old but in no backup yet: kept').toEqual(notInBackup);

    await backup();
    await write(k, written, 1, 'after-second-backup');
    await kiosk.sync!.syncNow();
    expect(
      settled().some((s) => notInBackup.includes(s)),
      'in the second backup: gone',
    ).toBe(false);
  });

  it('closes a gap it cannot fill by renumbering: changes that left retention are not waited for, and what came after reaches the restored shore', async () => {
    const first = await startService();
    const clock = createManualClock();
    const proxy = await startTcpProxy(first.url);
    const { kiosk } = await enrolledKiosk({ url: proxy.url, code: first.code }, 'restaurant', {
      serverUrl: proxy.url,
      clock,
    });
    const k = { kiosk, token: await signIn(kiosk, 'instructor') };
    const written: Written = { audit: [], students: [] };
    const dumpAt = async () => {
      const file = join(makeTempDir('shiftdeck-backup-'), 'central.dump');
      await recordBackup(first.db.admin, () => run('pg_dump', ['-Fc', '-f', file, '-d', first.db.adminUrl]));
      return file;
    };
    await write(k, written, 2, 'in-old-backup');
    await kiosk.sync!.syncNow();
    const oldDump = await dumpAt();
    const shoreSeqInOldDump = newestSeq(kiosk);
    await write(k, { audit: [], students: [] }, 2, 'only-in-newer-backup');
    await kiosk.sync!.syncNow();
    // A month on, a newer backup holds them, so the kiosk lets them go (retention).
    clock.advance(31 * 86_400_000);
    k.token = await signIn(kiosk, 'instructor');
    await dumpAt();
    const after: Written = { audit: [], students: [] };
    await write(k, after, 2, 'after-newer-backup');
    await kiosk.sync!.syncNow();
    const kept = kiosk.store.raw.prepare('SELECT MIN(seq) AS s FROM settled_mutations').get() as { s: number };
    expect(kept.s, 'the entries after the old backup are gone from this kiosk').toBeGreaterThan(shoreSeqInOldDump + 1);

    // Shore is restored from the old backup: it lacks entries this kiosk no longer has.
    await first.close();
    const restoredDb = await createTestDatabase({ empty: true });
    await run('pg_restore', ['--exit-on-error', '-d', restoredDb.adminUrl, oldDump]);
    const second = await startService({ db: restoredDb });
    proxy.retarget(second.url);
    await write(k, after, 1, 'after-restore');
    for (let i = 0; i < 4; i++) await kiosk.sync!.syncNow();

    expect(outboxCounts(kiosk).pending ?? 0, 'nothing waits for seqs nobody has').toBe(0);
    const dev = await restoredDb.admin
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', kiosk.deviceId)
      .executeTakeFirstOrThrow();
    expect(dev.last_seq, 'shore holds every seq the kiosk has').toBe(newestSeq(kiosk));
    const audit = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ANY(${after.audit}::uuid[])`.execute(restoredDb.admin);
    expect(audit.rows[0].n, 'what the kiosk still had reached the restored shore').toBe(after.audit.length);
    expect(await replicaDiff(kiosk, restoredDb.admin), 'the replica equals the restored central').toEqual([]);
    await second.close();
    await proxy.close();
  });
});
