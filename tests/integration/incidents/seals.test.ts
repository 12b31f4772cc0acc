import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { deviceKey } from '../../../electron/core/device-key.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { makeSeal, type ChainEvent } from '../../../shared/incidents/chain.js';
import { checkRecord, readIncidentRecord } from '../../../shared/incidents/record-check.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { newSigningKey, type SigningKey } from '../../../shared/training/certificate-signing.js';
import { main as verifyIncident } from '../../../scripts/verify-incident.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { syncAll } from '../../helpers/replicas.js';
import { rawPush } from '../../helpers/sync.js';
import { MIN, ok, report, SITE, vesselWorld } from './world.js';

type Verdict = { status: string; entries: { id: string; kind: string; state: string }[] };

describe('incident seals (issue 12 §9)', () => {
  it('each report, move and pause is sealed; the seals reach central, where the same record checks OK; a copy edited behind the app names the entry', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const { id } = await report(bridge, 'high', w.now());
    await w.advance(MIN);
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: 'Looking at it' }, officer));
    await w.advance(MIN);
    await ok(call(bridge, 'incidents.pauseSla', { id, paused: true, reason: 'Waiting for shore' }, officer));
    expect((await ok<Verdict>(call(bridge, 'incidents.verify', { id }, officer))).status).toBe('ok');
    await bridge.sync!.syncNow();

    const central = w.service.db.admin as unknown as Kysely<SyncedDatabase>;
    const seals = await sql<{ n: string }>`SELECT count(*) AS n FROM incident_seals WHERE incident_id = ${id}`.execute(
      w.service.db.admin,
    );
    expect(Number(seals.rows[0].n)).toBe(3);
    // The hashes are the same on PostgreSQL: shore's copy of the record checks against the kiosk's key.
    const key = await deviceKey(bridge.store);
    const atShore = checkRecord((await readIncidentRecord(central, SITE, id))!, new Map([[key.keyId, key.publicKey]]));
    expect(atShore.status).toBe('ok');
    expect(atShore.entries.map((e) => e.kind)).toEqual(['reported', 'move', 'sla_paused']);

    // The command-line verifier on a copy of the kiosk's database.
    const copy = join(makeTempDir('shiftdeck-verify-incident-'), 'copy.db');
    await bridge.store.raw.backup(copy);
    expect(await verifyIncident(['--kiosk-db', copy, '--incident', id])).toMatchObject({ code: 0 });
    // Someone with the file rewrites the reason of the move, past the app's triggers.
    const raw = new Database(copy);
    for (const t of raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incident_events'")
      .all() as { name: string }[])
      raw.exec(`DROP TRIGGER "${t.name}"`);
    const moveId = (
      raw.prepare("SELECT id FROM incident_events WHERE incident_id = ? AND kind = 'move'").get(id) as { id: string }
    ).id;
    raw.prepare("UPDATE incident_events SET reason = 'Nothing to see' WHERE id = ?").run(moveId);
    raw.close();
    const altered = await verifyIncident(['--kiosk-db', copy, '--incident', id]);
    expect(altered.code).toBe(1);
    expect(altered.lines[0]).toMatch(/^ALTERED/);
    expect(altered.lines.filter((l) => l.includes('ALTERED: entry'))).toEqual([
      expect.stringContaining(`entry ${moveId} (move at`),
    ]);
  });

  it('shore refuses a forged seal: another key than the device’s, or a hash that is not the history’s; the honest one applies', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const { id } = await report(bridge, 'medium', w.now());
    await bridge.sync!.syncNow();
    const events = (
      await sql<ChainEvent>`
      SELECT id, site_id, incident_id, kind, from_stage, to_stage, reason, user_id, device_id, at
      FROM incident_events WHERE incident_id = ${id}`.execute(w.service.db.admin)
    ).rows;
    const incident = (await sql<never>`SELECT * FROM incidents WHERE id = ${id}`.execute(w.service.db.admin)).rows[0];

    const sealArgs = (key: SigningKey, history = events) => {
      const s = makeSeal(
        { incidentId: id, siteId: SITE, deviceId: engine.deviceId, sealedAt: new Date(w.now()).toISOString() },
        history,
        incident,
        key,
      );
      return {
        id: newId(),
        incidentId: id,
        entries: s.entries,
        head: s.head,
        sealedAt: s.sealedAt,
        keyId: s.keyId,
        publicKey: s.publicKey,
        signature: s.signature,
      };
    };
    const last = await sql<{ last_seq: string }>`SELECT last_seq FROM devices WHERE id = ${engine.deviceId}`.execute(
      w.service.db.admin,
    );
    let seq = Number(last.rows[0].last_seq);
    const push = async (args: unknown) => {
      seq += 1;
      const m = {
        seq,
        name: 'incidents.seal',
        version: 1,
        args,
        hlc: encodeHlc({ wall: w.now(), counter: seq, node: 'engine' }),
        userId: null,
      };
      const res = pushResponse.parse((await rawPush(w.service, engine, [m])).body);
      return res.results.map((r) => [r.status, r.code ?? null]);
    };
    const own = await deviceKey(engine.store);
    expect(await push(sealArgs(newSigningKey()))).toEqual([['rejected', 'FORBIDDEN']]);
    expect(
      await push(
        sealArgs(
          own,
          events.map((e) => ({ ...e, reason: 'rewritten' })),
        ),
      ),
    ).toEqual([['rejected', 'CONFLICT']]);
    // An entry of another incident listed as this one's.
    const other = await report(bridge, 'low', w.now());
    await bridge.sync!.syncNow();
    const stray = (
      await sql<ChainEvent>`
      SELECT id, site_id, incident_id, kind, from_stage, to_stage, reason, user_id, device_id, at
      FROM incident_events WHERE incident_id = ${other.id}`.execute(w.service.db.admin)
    ).rows.map((e) => ({ ...e, incident_id: id, kind: 'move' as const }));
    expect(await push(sealArgs(own, [...events, ...stray]))).toEqual([['rejected', 'CONFLICT']]);
    // An entry shore does not hold (a move it refused): the seal is dropped, not stored.
    expect(await push(sealArgs(own, [...events, { ...events[0], id: newId(), kind: 'move' }]))).toEqual([
      ['applied', null],
    ]);
    expect(await push(sealArgs(own))).toEqual([['applied', null]]);
    const seals = await sql<{
      device_id: string;
    }>`SELECT device_id FROM incident_seals WHERE incident_id = ${id}`.execute(w.service.db.admin);
    expect(seals.rows.map((r) => r.device_id).sort()).toEqual([bridge.deviceId, engine.deviceId].sort());
    const atShore = await readIncidentRecord(w.service.db.admin as unknown as Kysely<SyncedDatabase>, SITE, id);
    expect(checkRecord(atShore!).status).toBe('ok');
  });

  it('two kiosks moving offline: after the merge each kiosk reads "unsealed", not "altered", until the next append seals the merged history', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const { id } = await report(bridge, 'high', w.now());
    const master = await signIn(bridge, 'master', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: '' }, master));
    await syncAll([bridge, engine], 2);

    await w.advance(MIN);
    const officer = await signIn(engine, 'officer', 'vessel');
    await ok(call(engine, 'incidents.move', { id, to: 'escalated', reason: 'Needs the master' }, officer));
    await w.advance(MIN);
    const master2 = await signIn(bridge, 'master', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'under_investigation', reason: '' }, master2));
    await syncAll([bridge, engine], 3);

    const verdict = (k: typeof bridge, token: string) => ok<Verdict>(call(k, 'incidents.verify', { id }, token));
    const officer2 = await signIn(engine, 'officer', 'vessel');
    for (const [k, token] of [
      [bridge, master2],
      [engine, officer2],
    ] as const) {
      const v = await verdict(k, token);
      expect(v.status).toBe('unsealed');
      // The engine's move (09:01) is under its own seal only; the bridge's later seal is the latest.
      expect(v.entries.map((e) => e.state)).toEqual(['sealed', 'sealed', 'unsealed', 'sealed']);
    }
    await ok(call(bridge, 'incidents.pauseSla', { id, paused: true, reason: 'Waiting for shore' }, master2));
    await syncAll([bridge, engine], 2);
    expect((await verdict(bridge, master2)).status).toBe('ok');
    expect((await verdict(engine, officer2)).status).toBe('ok');
  });
});
