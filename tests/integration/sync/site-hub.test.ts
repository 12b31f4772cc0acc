import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { siteBehindHub, startService } from '../../helpers/sync.js';

const device = { userId: null, permissions: [] };

/** Shore behind a proxy that can be cut, a hub kiosk, and three kiosks syncing through the hub. */
async function siteWithHub() {
  const service = await startService();
  return { service, ...(await siteBehindHub(service, 'restaurant', ['A', 'B', 'C'])) };
}

const pendingOf = (k: Kiosk) =>
  (k.store.raw.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
const tentativeOf = (k: Kiosk) =>
  (k.store.raw.prepare('SELECT COUNT(*) AS n FROM tentative_mutations').get() as { n: number }).n;
const hasAudit = (k: Kiosk, id: string) =>
  k.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id) !== undefined;
const idleLock = (k: Kiosk) =>
  (k.store.raw.prepare('SELECT idle_lock_seconds AS s FROM sites WHERE id = ?').get(k.siteId) as { s: number }).s;

describe('a site hub with shore cut', () => {
  it('carries changes between three kiosks as tentative, and they are confirmed once shore is back', async () => {
    const site = await siteWithHub();
    const [a, b, c] = site.kiosks;
    site.cut();

    const id = newId();
    await a.runner.run(recordAuthEvent, { id, action: 'auth.sign_in', subjectUserId: null, detail: {} }, device);
    await a.sync!.syncNow();
    // Held by the hub: still waiting on A, since only shore's answer settles it.
    expect(pendingOf(a)).toBe(1);
    expect(a.sync!.upstream).toBe(site.hub.hubUrl);

    await site.syncAll();
    for (const k of [site.hub, b, c]) {
      expect(hasAudit(k, id)).toBe(true);
      expect(tentativeOf(k)).toBe(1);
    }
    const central = () =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ${id}`.execute(site.service.db.admin);
    expect((await central()).rows[0].n).toBe(0);

    await site.restore();
    expect((await central()).rows[0].n).toBe(1);
    // The hub relayed under its own token as a relay for kiosk A: it keeps no kiosk's token.
    expect(site.hub.store.raw.prepare("SELECT COUNT(*) FROM hub_devices WHERE token <> ''").pluck().get()).toBe(0);
    expect(site.hub.store.raw.prepare('SELECT COUNT(*) FROM hub_devices').pluck().get()).toBeGreaterThanOrEqual(3);
    await site.syncAll();
    for (const k of [site.hub, a, b, c]) {
      expect(hasAudit(k, id)).toBe(true);
      expect(tentativeOf(k)).toBe(0);
      expect(pendingOf(k)).toBe(0);
    }
    // Relayed by the hub and pushed again by A through it: applied once.
    const last = await sql<{
      last_seq: number;
    }>`SELECT last_seq FROM devices WHERE id = ${a.deviceId}`.execute(site.service.db.admin);
    expect(last.rows[0].last_seq).toBe(a.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').pluck().get());
  });

  it('undoes everywhere, with its conflict record, a tentative change shore refuses', async () => {
    const site = await siteWithHub();
    const [a, b, c] = site.kiosks;
    site.cut();
    // B believes (wrongly, a stale role) that staff may change the site's settings.
    const staff = demoUserId('restaurant', 'Emma Dubois');
    await b.runner.run(setIdleLock, { seconds: 300 }, { userId: staff, permissions: ['settings.manage'] });
    await b.sync!.syncNow();
    await site.syncAll();
    for (const k of [site.hub, a, b, c]) expect(idleLock(k)).toBe(300);

    await site.restore();
    await site.syncAll();
    for (const k of [site.hub, a, b, c]) {
      expect(idleLock(k)).toBe(120);
      expect(tentativeOf(k)).toBe(0);
      const conflicts = k.store.raw.prepare('SELECT kind, code, mutation FROM conflicts').all();
      expect(conflicts).toEqual([{ kind: 'rejected', code: 'FORBIDDEN', mutation: 'sites.setIdleLock' }]);
    }
    expect(pendingOf(b)).toBe(0);
  });
});
