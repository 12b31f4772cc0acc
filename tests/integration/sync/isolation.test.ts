import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { pullResponse, pushResponse } from '../../../shared/sync/protocol.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { revokeDevice } from '../../../server/devices/enrollment.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { enrolledKiosk, signedAs, siteOf, startService } from '../../helpers/sync.js';

const tokenOf = (k: Kiosk) =>
  (k.store.raw.prepare("SELECT value FROM meta WHERE key = 'sync.token'").get() as { value: string }).value;

async function post(url: string, token: string, body: unknown) {
  const res = await fetch(`${url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: new Uint8Array(gzipSync(JSON.stringify(body))),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("one site never sees or writes another site's rows", () => {
  it('ignores a forged site in a pull: the site comes from the token', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const res = await fetch(
      `${service.url}/v1/pull?site=0&org=0&siteId=${siteOf('vessel')}&site_id=${siteOf('vessel')}`,
      { headers: { authorization: `Bearer ${tokenOf(kiosk)}` } },
    );
    const page = pullResponse.parse(await res.json());
    const sites = new Set(page.changes.map((c) => c.row.site_id));
    expect(sites.has(siteOf('restaurant'))).toBe(true);
    expect(sites.has(siteOf('vessel'))).toBe(false);
    expect(page.changes.some((c) => c.table === 'users' && c.row.display_name === 'Erik Hansen')).toBe(false);
  });

  it("refuses a push that names a site, and a mutation aimed at another site's person", async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const token = tokenOf(kiosk);
    const forgedEnvelope = await post(service.url, token, {
      clientTime: Date.now(),
      siteId: siteOf('vessel'),
      mutations: [],
    });
    expect(forgedEnvelope.status).toBe(400);

    const admin = demoUserId('restaurant', 'Sophie Laurent');
    const vesselCrew = demoUserId('vessel', 'Tom Okafor');
    const crewRoleBefore = await sql<{
      role_id: string;
    }>`SELECT role_id FROM user_roles WHERE user_id = ${vesselCrew}`.execute(service.db.admin);
    const push = await post(service.url, token, {
      clientTime: Date.now(),
      mutations: await signedAs(kiosk, [
        {
          seq: 1,
          name: 'users.setRole',
          version: 1,
          args: { userId: vesselCrew, roleId: crewRoleBefore.rows[0].role_id, auditId: newId() },
          hlc: encodeHlc({ wall: Date.now(), counter: 0, node: 'forger' }),
          userId: admin,
          writes: [],
        },
      ]),
    });
    const res = pushResponse.parse(push.body);
    expect(res.results).toEqual([expect.objectContaining({ seq: 1, status: 'rejected', code: 'NOT_FOUND' })]);
    const vesselRows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE site_id = ${siteOf('vessel')} AND action = 'users.role_changed'`.execute(
      service.db.admin,
    );
    expect(vesselRows.rows[0].n).toBe(0);
  });

  it('refuses users.create with an id taken at another site as an ordinary rejection that says nothing about it', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const token = tokenOf(kiosk);
    const admin = demoUserId('restaurant', 'Sophie Laurent');
    const staffRole = (
      await kiosk.store.db.selectFrom('roles').select('id').where('code', '=', 'staff').executeTakeFirstOrThrow()
    ).id;
    const pinHash = await cheapHashPin('4821');
    const create = (seq: number, id: string) => ({
      seq,
      name: 'users.create',
      version: 1,
      args: { id, auditId: newId(), displayName: 'Intruder', locale: 'en', pinHash, roleId: staffRole },
      hlc: encodeHlc({ wall: Date.now(), counter: seq, node: 'forger' }),
      userId: admin,
      writes: [`users:${id}`],
    });
    const elsewhere = demoUserId('vessel', 'Tom Okafor');
    const here = demoUserId('restaurant', 'Emma Dubois');
    const res = pushResponse.parse(
      (
        await post(service.url, token, {
          clientTime: Date.now(),
          mutations: await signedAs(kiosk, [create(1, elsewhere), create(2, here), create(3, newId())]),
        })
      ).body,
    );
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'ID_UNAVAILABLE'],
      [2, 'rejected', 'ID_UNAVAILABLE'],
      [3, 'applied', undefined],
    ]);
    // The same words whether the id is taken at another site or at this one; no database text.
    expect(res.results[0].message).toBe(res.results[1].message);
    expect(res.results[0].message).not.toMatch(/duplicate|key|exist|site|constraint/i);
    const conflicts = await sql<{
      kind: string;
      code: string;
      message: string;
    }>`SELECT kind, code, message FROM conflicts WHERE device_id = ${kiosk.deviceId} ORDER BY seq`.execute(
      service.db.admin,
    );
    expect(conflicts.rows.map((c) => [c.kind, c.code])).toEqual([
      ['rejected', 'ID_UNAVAILABLE'],
      ['rejected', 'ID_UNAVAILABLE'],
    ]);
    expect(conflicts.rows.some((c) => /duplicate/i.test(c.message))).toBe(false);
    // The vessel's person is as it was.
    const person = await sql<{
      site_id: string;
      display_name: string;
    }>`SELECT site_id, display_name FROM users WHERE id = ${elsewhere}`.execute(service.db.admin);
    expect(person.rows).toEqual([{ site_id: siteOf('vessel'), display_name: 'Tom Okafor' }]);
  });

  it("gives another site's kiosk only its own rows, and refuses a revoked token at once", async () => {
    const service = await startService();
    const { kiosk: vessel } = await enrolledKiosk(service, 'vessel');
    const names = (await vessel.store.db.selectFrom('users').select('display_name').execute()).map(
      (u) => u.display_name,
    );
    expect(names).toContain('Erik Hansen');
    expect(names).not.toContain('Camille Martin');
    const siteRows = await vessel.store.db.selectFrom('sites').select('id').execute();
    expect(siteRows.map((s) => s.id)).toEqual([siteOf('vessel')]);

    await revokeDevice(service.db.service, vessel.deviceId);
    const res = await fetch(`${service.url}/v1/pull?site=0&org=0`, {
      headers: { authorization: `Bearer ${tokenOf(vessel)}` },
    });
    expect(res.status).toBe(401);
  });

  it('shows nothing of any site to a raw query through the service role outside a site transaction', async () => {
    const service = await startService();
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(service.db.service);
    expect(rows.rows[0].n).toBe(0);
    const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(service.db.admin);
    expect(all.rows[0].n).toBeGreaterThan(10);
    await expect(
      sql`INSERT INTO audit_log (id, site_id, action, device_id, hlc, detail, created_at, updated_at, _version) VALUES (${newId()}, ${siteOf('vessel')}, 'x', ${newId()}, 'h', '{}', now(), now(), 1)`.execute(
        service.db.service,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
