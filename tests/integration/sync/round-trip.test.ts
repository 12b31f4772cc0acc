import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

async function signInAs(kiosk: Kiosk, name: string, pin: string): Promise<string> {
  const r = await kiosk.dispatcher.dispatch('auth.signIn', { userId: demoUserId('restaurant', name), pin }, null);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.token;
}

describe('a kiosk enrolled to the sync service', () => {
  it('receives its site and people on first start, and its mutations reach PostgreSQL exactly once', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    expect(kiosk.siteId).toBe(siteOf('restaurant'));
    const users = await kiosk.dispatcher.dispatch('auth.users', {}, null);
    expect(users.ok && users.value.map((u) => u.displayName)).toContain('Camille Martin');

    const ids = [newId(), newId(), newId()];
    for (const id of ids)
      await kiosk.runner.run(
        recordAuthEvent,
        { id, action: 'auth.sign_in', subjectUserId: null, detail: {} },
        { userId: null, permissions: [] },
      );
    const report = await kiosk.sync!.syncNow();
    expect(report?.pushed).toBe(3);
    const central = await inSiteTransaction(service.db.service, kiosk.siteId, (trx) =>
      trx.selectFrom('audit_log').select('id').where('id', 'in', ids).execute(),
    );
    expect(central).toHaveLength(3);
    const pending = await kiosk.dispatcher.dispatch('status.get', {}, null);
    expect(pending.ok && pending.value.pendingCount).toBe(0);

    // The same batch again (a response lost on the way back) is acknowledged as duplicates.
    await kiosk.store.transaction(
      async () => void kiosk.store.raw.prepare("UPDATE outbox SET status = 'pending'").run(),
    );
    await kiosk.sync!.syncNow();
    const again = await inSiteTransaction(service.db.service, kiosk.siteId, (trx) =>
      trx.selectFrom('audit_log').select('id').where('id', 'in', ids).execute(),
    );
    expect(again).toHaveLength(3);
  });

  it('refuses a mutation the acting person may not run, records a conflict and undoes it on the kiosk', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const staff = demoUserId('restaurant', 'Emma Dubois');
    // The kiosk believes (wrongly, say after a stale role) that staff may change settings.
    await kiosk.runner.run(setIdleLock, { seconds: 300 }, { userId: staff, permissions: ['settings.manage'] });
    const site = await kiosk.store.db.selectFrom('sites').select('idle_lock_seconds').executeTakeFirstOrThrow();
    expect(site.idle_lock_seconds).toBe(300);
    await kiosk.sync!.syncNow();
    const after = await kiosk.store.db.selectFrom('sites').select('idle_lock_seconds').executeTakeFirstOrThrow();
    expect(after.idle_lock_seconds).toBe(120);
    const conflicts = await kiosk.store.db.selectFrom('conflicts').selectAll().execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'rejected', code: 'FORBIDDEN', mutation: 'sites.setIdleLock' });
    const status = await kiosk.dispatcher.dispatch('status.get', {}, null);
    expect(status.ok && status.value.conflictCount).toBe(1);
    const central = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(1);

    // The restaurant manager sees it on the sync screen's list and marks it dealt with; that syncs too.
    const token = await signInAs(kiosk, 'Camille Martin', '1111');
    const listed = await kiosk.dispatcher.dispatch('sync.conflicts', {}, token);
    expect(listed.ok && listed.value.conflicts.map((c) => [c.kind, c.code, c.personName])).toEqual([
      ['rejected', 'FORBIDDEN', 'Emma Dubois'],
    ]);
    // One card for one refusal: the conflict record, not also the kiosk's own refused outbox entry.
    expect(listed.ok && listed.value.deadLetters).toEqual([]);
    const resolved = await kiosk.dispatcher.dispatch('sync.resolveConflict', { id: conflicts[0].id }, token);
    expect(resolved.ok).toBe(true);
    await kiosk.sync!.syncNow();
    const row = await sql<{
      resolved_by: string | null;
    }>`SELECT resolved_by FROM conflicts WHERE id = ${conflicts[0].id}`.execute(service.db.admin);
    expect(row.rows[0].resolved_by).toBe(demoUserId('restaurant', 'Camille Martin'));
    const after2 = await kiosk.dispatcher.dispatch('sync.conflicts', {}, token);
    expect(after2.ok && after2.value.conflicts).toHaveLength(0);
    // Staff may not see the list at all.
    const staffToken = await signInAs(kiosk, 'Emma Dubois', '3333');
    const refused = await kiosk.dispatcher.dispatch('sync.conflicts', {}, staffToken);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });
});
