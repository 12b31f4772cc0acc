import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { anonymisedName } from '../../../shared/people/mutations.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { call, cheapHashPin } from '../../helpers/kiosk.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';

describe('people management through the service', () => {
  it("re-checks each change: a tampered kiosk cannot reset the administrator's PIN in the master's name", async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'vessel');
    const master = demoUserId('vessel', 'Erik Hansen');
    const admin = demoUserId('vessel', 'Ana Ribeiro');
    const crew = demoUserId('vessel', 'Tom Okafor');
    const pinHash = await cheapHashPin('13579');
    const reset = (seq: number, userId: string) => ({
      seq,
      name: 'people.resetPin',
      version: 1,
      args: { userId, auditId: newId(), pinHash, mustChange: true },
      hlc: encodeHlc({ wall: Date.now(), counter: seq, node: 'tampered' }),
      userId: master,
    });
    const res = pushResponse.parse((await rawPush(service, kiosk, [reset(1, admin), reset(2, crew)])).body);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'FORBIDDEN'],
      [2, 'applied', undefined],
    ]);
    const pins = await service.db.admin
      .selectFrom('users')
      .select(['id', 'pin_hash'])
      .where('id', 'in', [admin, crew])
      .execute();
    expect(pins.find((p) => p.id === admin)!.pin_hash).not.toBe(pinHash);
    expect(pins.find((p) => p.id === crew)!.pin_hash).toBe(pinHash);
    const security = await service.db.admin.selectFrom('person_security').select(['id', 'pin_must_change']).execute();
    expect(security).toEqual([{ id: crew, pin_must_change: 1 }]);
  });

  it('an anonymisation made on one kiosk reaches shore and the other kiosk of the site; a deactivated person cannot sign in there', async () => {
    const service = await startService();
    const a = await enrolledKiosk(service, 'restaurant');
    const b = await enrolledKiosk(service, 'restaurant');
    const lea = demoUserId('restaurant', 'Léa Fournier');
    const sophie = demoUserId('restaurant', 'Sophie Laurent');
    const signed = await call(a.kiosk, 'auth.signIn', { userId: sophie, pin: '9999' });
    const token = signed.ok ? (signed.value as { token: string }).token : '';
    expect((await call(a.kiosk, 'people.setActive', { userId: lea, active: false }, token)).ok).toBe(true);
    await a.kiosk.sync!.syncNow();
    await b.kiosk.sync!.syncNow();
    expect((await call(b.kiosk, 'auth.signIn', { userId: lea, pin: '7777' })).ok).toBe(false);

    expect((await call(a.kiosk, 'people.anonymise', { userId: lea }, token)).ok).toBe(true);
    await a.kiosk.sync!.syncNow();
    await b.kiosk.sync!.syncNow();
    const central = await service.db.admin
      .selectFrom('users')
      .select(['display_name', 'active'])
      .where('id', '=', lea)
      .executeTakeFirstOrThrow();
    expect(central).toEqual({ display_name: anonymisedName(lea), active: 0 });
    const onB = b.kiosk.store.raw.prepare('SELECT display_name FROM users WHERE id = ?').get(lea);
    expect(onB).toEqual({ display_name: anonymisedName(lea) });
    const marked = b.kiosk.store.raw.prepare('SELECT anonymised_at FROM person_security WHERE id = ?').get(lea) as {
      anonymised_at: string | null;
    };
    expect(marked.anonymised_at).not.toBeNull();
    // History stays: the audit rows about her are still there, under the same id.
    const audit = await service.db.admin
      .selectFrom('audit_log')
      .select('action')
      .where('subject_user_id', '=', lea)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['users.created', 'users.deactivated', 'users.anonymised']),
    );
  });
});
