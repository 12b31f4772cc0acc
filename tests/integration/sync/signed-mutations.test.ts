import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { relayPushHeaders } from '../../../shared/sync/relay.js';
import { newSigningKey } from '../../../shared/training/certificate-signing.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { deviceKey } from '../../../electron/core/device-key.js';
import { deviceTokenOf, enrolledKiosk, resignOutbox, startService, type TestService } from '../../helpers/sync.js';
import { startTamperingProxy } from '../../helpers/tampering-proxy.js';

const device = { userId: null, permissions: [] };

/** Queues one audit event per `n`, its detail naming it, in one batch; returns their ids. */
async function queueEvents(kiosk: Kiosk, ns: number[]): Promise<string[]> {
  const ids = ns.map(() => newId());
  await kiosk.runner.runBatch(
    ns.map((n, i) => ({
      def: recordAuthEvent,
      args: { id: ids[i], action: 'auth.sign_in' as const, subjectUserId: null, detail: { n } },
    })),
    device,
  );
  return ids;
}

/** The push request a kiosk would send now for its pending entries, as a hub receives it. */
async function pendingPush(kiosk: Kiosk) {
  // A kiosk signs its entries when a push first reads them; do that as it would.
  await resignOutbox(kiosk);
  const rows = kiosk.store.raw
    .prepare(
      "SELECT seq, name, version, args, hlc, user_id, rows, sig FROM outbox WHERE status = 'pending' ORDER BY seq",
    )
    .all() as {
    seq: number;
    name: string;
    version: number;
    args: string;
    hlc: string;
    user_id: string | null;
    rows: string;
    sig: string;
  }[];
  return {
    clientTime: kiosk.clock.now(),
    mutations: rows.map((r) => ({
      seq: r.seq,
      name: r.name,
      version: r.version,
      args: JSON.parse(r.args) as unknown,
      hlc: r.hlc,
      userId: r.user_id,
      writes: r.rows ? r.rows.split(',') : [],
      sig: r.sig,
    })),
  };
}

async function post(service: TestService, headers: Record<string, string>, body: unknown) {
  const res = await fetch(`${service.url}/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, 'content-encoding': 'gzip' },
    body: new Uint8Array(gzipSync(JSON.stringify(body))),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      results?: { seq: number; status: string; code?: string }[];
      error?: { code: string; message: string; details?: { reason?: string } };
    },
  };
}

async function centralIds(service: TestService, ids: string[]): Promise<string[]> {
  const r = await sql<{ id: string }>`SELECT id FROM audit_log WHERE id = ANY(${ids}::uuid[])`.execute(
    service.db.admin,
  );
  return r.rows.map((x) => x.id).sort();
}

const deviceRow = async (service: TestService, id: string) =>
  (
    await sql<{
      last_seq: number;
      public_key: string | null;
    }>`SELECT last_seq::int AS last_seq, public_key FROM devices WHERE id = ${id}`.execute(service.db.admin)
  ).rows[0];

describe('signed mutations: a hub can carry changes but cannot forge them', () => {
  it("a proxy that changes one mutation's args gets that one refused as SIGNATURE_INVALID, the rest applied, and the kiosk shows the refusal", async () => {
    const service = await startService();
    let tamper = true;
    // The hostile hub: the second event of the batch is said to have come from another terminal.
    const proxy = await startTamperingProxy(service.url, (push) => {
      let altered = 0;
      for (const m of push.mutations) {
        const detail = m.args.detail as { n?: number } | undefined;
        if (tamper && detail?.n === 2) {
          m.args.detail = { n: 2, terminal: 'forged' };
          altered++;
        }
      }
      return altered;
    });
    const { kiosk } = await enrolledKiosk({ url: proxy.url, code: (k) => service.code(k) }, 'restaurant');
    const ids = await queueEvents(kiosk, [1, 2, 3]);

    const report = await kiosk.sync!.syncNow();
    expect(proxy.pushes.some((p) => p.altered === 1)).toBe(true);
    expect(report?.pushed).toBe(2);
    expect(await centralIds(service, ids)).toEqual([ids[0], ids[2]].sort());
    const refusals = await sql<{
      seq: number;
      kind: string;
      code: string;
      device_id: string;
    }>`SELECT seq::int AS seq, kind, code, device_id FROM conflicts`.execute(service.db.admin);
    expect(refusals.rows).toEqual([{ seq: 2, kind: 'rejected', code: 'SIGNATURE_INVALID', device_id: kiosk.deviceId }]);

    // On the kiosk: the refused entry stays refused with its reason, its optimistic row is undone,
    // and (below) the pulled conflict record is on the Sync screen's list for supervisors.
    const entries = kiosk.store.raw.prepare('SELECT seq, status, last_error FROM outbox ORDER BY seq').all() as {
      seq: number;
      status: string;
      last_error: string | null;
    }[];
    expect(entries.find((e) => e.seq === 2)).toMatchObject({ status: 'rejected' });
    expect(entries.find((e) => e.seq === 2)?.last_error).toMatch(/^SIGNATURE_INVALID: /);
    const local = await kiosk.store.db.selectFrom('audit_log').select('id').where('id', 'in', ids).execute();
    expect(local.map((r) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
    // Exactly once and in order still: the next change follows seq 3, and a resend of the whole
    // batch (its answer lost) applies nothing twice and answers the altered one as refused again.
    tamper = false;
    const later = await queueEvents(kiosk, [4]);
    expect((await kiosk.sync!.syncNow())?.pushed).toBe(1);
    expect(await deviceRow(service, kiosk.deviceId)).toMatchObject({ last_seq: 4 });
    await kiosk.store.transaction(
      async () => void kiosk.store.raw.prepare("UPDATE outbox SET status = 'pending'").run(),
    );
    await kiosk.sync!.syncNow();
    expect(await centralIds(service, [...ids, ...later])).toEqual([ids[0], ids[2], later[0]].sort());
    expect(
      (kiosk.store.raw.prepare('SELECT status FROM outbox WHERE seq = 2').get() as { status: string }).status,
    ).toBe('rejected');
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(service.db.admin);
    expect(count.rows[0].n).toBe(1);

    // Signing in writes audit events of its own: checked last, so the seqs above stay 1 to 4.
    const signIn = await kiosk.dispatcher.dispatch(
      'auth.signIn',
      { userId: demoUserId('restaurant', 'Camille Martin'), pin: '1111' },
      null,
    );
    if (!signIn.ok) throw new Error(signIn.error.message);
    const listed = await kiosk.dispatcher.dispatch('sync.conflicts', {}, signIn.value.token);
    expect(listed.ok && listed.value.conflicts.map((c) => [c.kind, c.code, c.mutation])).toEqual([
      ['rejected', 'SIGNATURE_INVALID', 'audit.recordAuthEvent'],
    ]);
  });

  it("a relay pushes for a device of its own site only, and cannot pass another device's change off as its own", async () => {
    const service = await startService();
    const { kiosk: hub } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: waiter } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: bridge } = await enrolledKiosk(service, 'vessel');
    const hubAuth = deviceTokenOf(hub);

    // A site-B device's signed batch, carried by a site-A hub: refused whole, nothing applied.
    const bridgeIds = await queueEvents(bridge, [1]);
    const otherSite = await post(service, relayPushHeaders(hubAuth, bridge.deviceId), await pendingPush(bridge));
    expect(otherSite.status).toBe(403);
    expect(otherSite.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'relay_out_of_site' } });
    expect(await centralIds(service, bridgeIds)).toEqual([]);
    expect(await deviceRow(service, bridge.deviceId)).toMatchObject({ last_seq: 0 });
    // A device nobody enrolled gets the very same answer: the refusal tells nothing about other sites.
    const unknown = await post(service, relayPushHeaders(hubAuth, newId()), await pendingPush(bridge));
    expect(unknown.status).toBe(403);
    expect(unknown.body.error?.details).toEqual(otherSite.body.error?.details);

    // The waiter's own signed batch as the hub received it: applied, as the waiter's.
    const waiterIds = await queueEvents(waiter, [1, 2]);
    const carried = await pendingPush(waiter);
    // Carried with the hub's own token and no relay header, the hub would be claiming it as its
    // own: the signature is the waiter's, over the waiter's device id, so shore refuses both.
    const claimed = await post(service, { authorization: `Bearer ${hubAuth}` }, carried);
    expect(claimed.body.results?.map((r) => r.code)).toEqual(['SIGNATURE_INVALID', 'SIGNATURE_INVALID']);
    const relayed = await post(service, relayPushHeaders(hubAuth, waiter.deviceId), carried);
    expect(relayed.status).toBe(200);
    expect(relayed.body.results?.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await centralIds(service, waiterIds)).toEqual([...waiterIds].sort());
    expect(await deviceRow(service, waiter.deviceId)).toMatchObject({ last_seq: 2 });
    const by = await sql<{
      device_id: string;
    }>`SELECT DISTINCT device_id FROM audit_log WHERE id = ANY(${waiterIds}::uuid[])`.execute(service.db.admin);
    expect(by.rows).toEqual([{ device_id: waiter.deviceId }]);
    // The waiter then syncs itself: its changes are acknowledged as already there, none twice.
    await waiter.sync!.syncNow();
    expect(await centralIds(service, waiterIds)).toEqual([...waiterIds].sort());
    expect(waiter.store.raw.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({
      n: 0,
    });
  });

  it('a device enrolled before signing registers its key on its own push, never through a relay, and the key then stays', async () => {
    const service = await startService();
    const { kiosk: hub } = await enrolledKiosk(service, 'restaurant');
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const key = await deviceKey(kiosk.store);
    expect((await deviceRow(service, kiosk.deviceId)).public_key).toBe(key.publicKey);
    // As if it had been enrolled before shore knew device keys.
    await sql`UPDATE devices SET public_key = NULL WHERE id = ${kiosk.deviceId}`.execute(service.db.admin);
    const ids = await queueEvents(kiosk, [1]);

    // A relay cannot register a key for it, not even one it offers in the kiosk's name.
    const hubKey = await deviceKey(hub.store);
    const viaRelay = await post(service, relayPushHeaders(deviceTokenOf(hub), kiosk.deviceId), {
      ...(await pendingPush(kiosk)),
      devicePublicKey: hubKey.publicKey,
    });
    expect(viaRelay.status).toBe(403);
    expect(viaRelay.body.error?.details?.reason).toBe('device_key_missing');
    expect((await deviceRow(service, kiosk.deviceId)).public_key).toBeNull();
    expect(await centralIds(service, ids)).toEqual([]);

    // Its own push, over its own token, registers it and applies.
    expect((await kiosk.sync!.syncNow())?.pushed).toBe(1);
    expect((await deviceRow(service, kiosk.deviceId)).public_key).toBe(key.publicKey);

    // Another key offered later over the same token is refused, nothing applied: only enrolling
    // again (a one-time code) changes a device's key.
    const more = await queueEvents(kiosk, [2]);
    const swapped = await post(
      service,
      { authorization: `Bearer ${deviceTokenOf(kiosk)}` },
      {
        ...(await pendingPush(kiosk)),
        devicePublicKey: newSigningKey().publicKey,
      },
    );
    expect(swapped.status).toBe(409);
    expect(swapped.body.error?.details?.reason).toBe('device_key_mismatch');
    expect(await centralIds(service, more)).toEqual([]);
    expect((await deviceRow(service, kiosk.deviceId)).public_key).toBe(key.publicKey);
  });
});
