import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { demoSiteId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { defineMutation } from '../../../shared/mutations/define.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { createSite, setIdleLock } from '../../../shared/mutations/sites.js';
import { setUserPin } from '../../../shared/mutations/users.js';
import { DEFAULT_ROLES, type Permission } from '../../../shared/permissions.js';
import type { Actor } from '../../../electron/core/mutations/mutation-runner.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { cheapHashPin, demoPerson, makeKiosk } from '../../helpers/kiosk.js';

const HOUR = 3_600_000;
const actorFor = (role: string): Actor => ({
  userId: demoPerson(role).id,
  permissions: DEFAULT_ROLES.find((r) => r.id === role)!.permissions as readonly Permission[],
});

/** Inserts an audit row for whichever site the caller names: the writer must check it. */
const auditAtSite = defineMutation({
  name: 'test.auditAtSite',
  version: 1,
  // It writes an audit row itself: the generic entry would be a second one to count.
  audit: 'own',
  authority: 'session',
  args: z.object({ id: z.uuid(), siteId: z.string().nullable() }).strict(),
  run: (ctx, a) =>
    ctx.write.insert('audit_log', {
      id: a.id,
      site_id: a.siteId,
      action: 'test.cross_site',
      actor_user_id: ctx.userId,
      subject_user_id: null,
      device_id: ctx.deviceId,
      hlc: ctx.hlc,
      detail: '{}',
    }),
});

/** What running a mutation threw, as an AppError; fails the test when it ran. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('The mutation ran, but it should have been refused');
}

/** A person of the vessel, as a sync pull would bring them in (the applier opens the gate). */
async function pullPersonOfAnotherSite(kiosk: Kiosk, userId: string) {
  const now = new Date(kiosk.clock.now()).toISOString();
  const pinHash = await cheapHashPin('1111');
  await kiosk.store.transaction(() =>
    kiosk.store.gate.openAsync(async () => {
      kiosk.store.raw
        .prepare(
          "INSERT INTO users (id, site_id, display_name, pin_hash, locale, active, created_at, updated_at) VALUES (?, ?, 'Erik Hansen', ?, 'en', 1, ?, ?)",
        )
        .run(userId, demoSiteId('vessel'), pinHash, now, now);
    }),
  );
}

const count = (kiosk: Kiosk, table: string) =>
  (kiosk.store.raw.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
const outboxHlcs = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT hlc FROM outbox ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);

describe('mutation runner', () => {
  it('refuses args that do not match the schema with VALIDATION_FAILED and the issues', async () => {
    const { kiosk } = await makeKiosk();
    const before = count(kiosk, 'outbox');
    const e = await refusal(kiosk.runner.run(setIdleLock, { seconds: 5 }, actorFor('admin')));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toEqual({ issues: [{ path: 'seconds', message: expect.stringMatching(/>=\s*15|15/) }] });
    const extra = await refusal(kiosk.runner.run(setIdleLock, { seconds: 60, siteId: 'elsewhere' }, actorFor('admin')));
    expect(extra.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(extra.details)).toContain('siteId');
    expect(count(kiosk, 'outbox')).toBe(before);
  });

  it('refuses a person without the permission the mutation needs with FORBIDDEN', async () => {
    const { kiosk } = await makeKiosk();
    const e = await refusal(kiosk.runner.run(setIdleLock, { seconds: 60 }, actorFor('staff')));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.details).toMatchObject({ permission: 'settings.manage', mutation: 'sites.setIdleLock' });
  });

  it('refuses a mutation with nobody signed in with UNAUTHENTICATED, whatever permissions are claimed', async () => {
    const { kiosk } = await makeKiosk();
    const e = await refusal(
      kiosk.runner.run(setIdleLock, { seconds: 60 }, { userId: null, permissions: ['settings.manage'] }),
    );
    expect(e.code).toBe('UNAUTHENTICATED');
  });

  it('lets the device record its own events with nobody signed in', async () => {
    const { kiosk } = await makeKiosk();
    const seq = await kiosk.runner.run(
      recordAuthEvent,
      { id: newId(), action: 'auth.sign_in_failed', subjectUserId: demoPerson('staff').id },
      { userId: null, permissions: [] },
    );
    expect(seq).toBeGreaterThan(0);
  });

  it('keeps set-up mutations for the system, even from an administrator', async () => {
    const { kiosk } = await makeKiosk();
    const e = await refusal(
      kiosk.runner.run(
        createSite,
        { id: newId(), kind: 'vessel', name: 'MV Rogue', timezone: 'UTC' },
        actorFor('admin'),
      ),
    );
    expect(e.code).toBe('FORBIDDEN');
    expect(count(kiosk, 'sites')).toBe(1);
  });

  it('refuses with OUT_OF_SCOPE a row of another site or of the whole organisation', async () => {
    const { kiosk } = await makeKiosk();
    const before = count(kiosk, 'audit_log');
    const other = await refusal(
      kiosk.runner.run(auditAtSite, { id: newId(), siteId: demoSiteId('vessel') }, actorFor('admin')),
    );
    expect(other.code).toBe('OUT_OF_SCOPE');
    expect(other.details).toEqual({ table: 'audit_log' });
    const orgWide = await refusal(kiosk.runner.run(auditAtSite, { id: newId(), siteId: null }, actorFor('admin')));
    expect(orgWide.code).toBe('OUT_OF_SCOPE');
    expect(count(kiosk, 'audit_log')).toBe(before);
    // The same mutation for this kiosk's own site goes through.
    await kiosk.runner.run(auditAtSite, { id: newId(), siteId: kiosk.siteId }, actorFor('admin'));
    expect(count(kiosk, 'audit_log')).toBe(before + 1);
  });

  it("does not touch another site's row, even for an administrator", async () => {
    const { kiosk } = await makeKiosk();
    const master = demoPerson('master', 'vessel');
    await pullPersonOfAnotherSite(kiosk, master.id);
    const hashOf = () =>
      (kiosk.store.raw.prepare('SELECT pin_hash FROM users WHERE id = ?').get(master.id) as { pin_hash: string })
        .pin_hash;
    const before = hashOf();
    const e = await refusal(
      kiosk.runner.run(
        setUserPin,
        { userId: master.id, pinHash: await cheapHashPin('1234'), auditId: newId() },
        actorFor('admin'),
      ),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(hashOf()).toBe(before);
  });

  it('stamps outbox entries with ever-increasing HLCs when the clock is moved back, across a restart too', async () => {
    const tk = await makeKiosk();
    const admin = actorFor('admin');
    await tk.kiosk.runner.run(setIdleLock, { seconds: 100 }, admin);
    tk.clock.set(tk.clock.now() - 5 * HOUR);
    await tk.kiosk.runner.run(setIdleLock, { seconds: 200 }, admin);
    await tk.kiosk.runner.run(setIdleLock, { seconds: 300 }, admin);
    const reopened = await tk.reopen();
    tk.clock.set(tk.clock.now() - 48 * HOUR);
    await reopened.kiosk.runner.run(setIdleLock, { seconds: 400 }, admin);
    const hlcs = outboxHlcs(reopened.kiosk);
    expect(hlcs.length).toBe(4);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
  });
});
