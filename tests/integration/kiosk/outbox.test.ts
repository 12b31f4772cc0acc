import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { defineMutation } from '../../../shared/mutations/define.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { setUserRole } from '../../../shared/mutations/users.js';
import { DEFAULT_ROLES, type Permission } from '../../../shared/permissions.js';
import { roleId } from '../../../shared/ids.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoPerson, makeKiosk } from '../../helpers/kiosk.js';

const adminActor = () => ({
  userId: demoPerson('admin').id,
  permissions: DEFAULT_ROLES.find((r) => r.id === 'admin')!.permissions as readonly Permission[],
});

/** Writes two rows, then fails as a bug or a full disk would. */
const writeThenThrow = defineMutation({
  name: 'test.writeThenThrow',
  version: 1,
  authority: 'session',
  args: z.object({ auditId: z.uuid() }).strict(),
  async run(ctx, a) {
    await ctx.write.update('sites', ctx.siteId, { idle_lock_seconds: 999 });
    await ctx.write.insert('audit_log', {
      id: a.auditId,
      site_id: ctx.siteId,
      action: 'test.half_done',
      actor_user_id: ctx.userId,
      subject_user_id: null,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      detail: '{}',
    });
    throw new Error('the disk is on fire');
  },
});

/** Every row of every table, to prove a refused write changed nothing at all. */
function allRows(kiosk: Kiosk) {
  const tables = (
    kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, kiosk.store.raw.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

const outbox = (kiosk: Kiosk) =>
  kiosk.store.raw.prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, unknown>[];
const idleSeconds = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT idle_lock_seconds AS s FROM sites WHERE id = ?').get(kiosk.siteId) as { s: number })
    .s;

describe('mutations and the outbox', () => {
  it('writes the rows and exactly one outbox entry {seq, name, version, args, hlc, user_id}', async () => {
    const { kiosk } = await makeKiosk();
    const before = outbox(kiosk);
    const seq = await kiosk.runner.run(setIdleLock, { seconds: 300 }, adminActor());
    expect(idleSeconds(kiosk)).toBe(300);
    const after = outbox(kiosk);
    expect(after.length).toBe(before.length + 1);
    const entry = after[after.length - 1];
    expect(entry).toMatchObject({
      seq,
      name: 'sites.setIdleLock',
      version: 1,
      args: '{"seconds":300}',
      user_id: adminActor().userId,
      status: 'pending',
      attempts: 0,
    });
    expect(decodeHlc(entry.hlc as string)).toMatchObject({ wall: kiosk.clock.now(), node: kiosk.deviceId });
    expect(kiosk.store.gate.isOpen).toBe(false);
  });

  it('queues the validated args, defaults filled in, never what the caller sent', async () => {
    const { kiosk } = await makeKiosk();
    const id = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id, action: 'auth.sign_in_failed', subjectUserId: demoPerson('staff').id },
      { userId: null, permissions: [] },
    );
    const entry = outbox(kiosk).at(-1)!;
    expect(JSON.parse(entry.args as string)).toEqual({
      id,
      action: 'auth.sign_in_failed',
      subjectUserId: demoPerson('staff').id,
      detail: {},
    });
    expect(entry.user_id).toBeNull();
  });

  it('leaves no row and no outbox entry behind when the mutator throws', async () => {
    const { kiosk } = await makeKiosk();
    const before = allRows(kiosk);
    await expect(kiosk.runner.run(writeThenThrow, { auditId: newId() }, adminActor())).rejects.toThrow(
      'the disk is on fire',
    );
    expect(allRows(kiosk)).toEqual(before);
    expect(kiosk.store.gate.isOpen).toBe(false);
    // And the store still takes the next write.
    await kiosk.runner.run(setIdleLock, { seconds: 60 }, adminActor());
    expect(idleSeconds(kiosk)).toBe(60);
  });

  it('commits a batch whole: every mutation and its outbox entry, in order', async () => {
    const { kiosk } = await makeKiosk();
    const seqs = await kiosk.runner.runBatch(
      [
        { def: setIdleLock, args: { seconds: 300 } },
        { def: setIdleLock, args: { seconds: 400 } },
      ],
      adminActor(),
    );
    expect(seqs[1]).toBe(seqs[0] + 1);
    expect(
      outbox(kiosk)
        .slice(-2)
        .map((e) => [e.seq, e.args]),
    ).toEqual([
      [seqs[0], '{"seconds":300}'],
      [seqs[1], '{"seconds":400}'],
    ]);
    expect(idleSeconds(kiosk)).toBe(400);
  });

  it('commits nothing of a batch when one mutation in it fails', async () => {
    const { kiosk } = await makeKiosk();
    const before = allRows(kiosk);
    const waiter = demoPerson('waiter');
    await expect(
      kiosk.runner.runBatch(
        [
          { def: setIdleLock, args: { seconds: 300 } },
          { def: setUserRole, args: { userId: waiter.id, roleId: roleId('manager'), auditId: newId() } },
          { def: writeThenThrow, args: { auditId: newId() } },
        ],
        adminActor(),
      ),
    ).rejects.toThrow('the disk is on fire');
    expect(allRows(kiosk)).toEqual(before);
  });

  it('refuses a whole batch before writing when one mutation has bad args', async () => {
    const { kiosk } = await makeKiosk();
    const before = allRows(kiosk);
    await expect(
      kiosk.runner.runBatch(
        [
          { def: setIdleLock, args: { seconds: 300 } },
          { def: setIdleLock, args: { seconds: 'soon' } },
        ],
        adminActor(),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(allRows(kiosk)).toEqual(before);
  });

  /*
   * `seq` is the outbox's rowid (INTEGER PRIMARY KEY, no AUTOINCREMENT): SQLite gives a new row
   * MAX(seq) + 1. Pruning acknowledged entries must therefore always keep the newest row, e.g.
   * `DELETE FROM outbox WHERE status = 'applied' AND seq < (SELECT MAX(seq) FROM outbox)`.
   * Were the newest row pruned, its seq would be handed out again and the server, which keeps the
   * last applied seq per device, would drop the new mutation as a duplicate.
   */
  it('never reuses a seq after older entries are pruned, across a restart too', async () => {
    const tk = await makeKiosk();
    const actor = adminActor();
    const first = [] as number[];
    for (const s of [100, 200, 300]) first.push(await tk.kiosk.runner.run(setIdleLock, { seconds: s }, actor));
    expect(first).toEqual([...first].sort((a, b) => a - b));
    tk.kiosk.store.raw.prepare("UPDATE outbox SET status = 'applied'").run();
    const total = (tk.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    const pruned = tk.kiosk.store.raw
      .prepare("DELETE FROM outbox WHERE status = 'applied' AND seq < (SELECT MAX(seq) FROM outbox)")
      .run().changes;
    expect(pruned).toBe(total - 1);
    const next = await tk.kiosk.runner.run(setIdleLock, { seconds: 400 }, actor);
    expect(next).toBe(Math.max(...first) + 1);
    const reopened = await tk.reopen();
    const afterRestart = await reopened.kiosk.runner.run(setIdleLock, { seconds: 500 }, actor);
    expect(afterRestart).toBe(next + 1);
  });

  it('would hand a seq out twice if pruning removed the newest entry, which is why pruning keeps it', async () => {
    const { kiosk } = await makeKiosk();
    const last = await kiosk.runner.run(setIdleLock, { seconds: 300 }, adminActor());
    kiosk.store.raw.prepare('DELETE FROM outbox WHERE seq <= ?').run(last);
    const reused = await kiosk.runner.run(setIdleLock, { seconds: 400 }, adminActor());
    expect(reused).toBe(last);
  });
});
