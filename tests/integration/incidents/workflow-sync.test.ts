import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { roleId } from '../../../shared/ids.js';
import { moveIncident } from '../../../shared/incidents/mutations.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { MIN, ok, report, vesselWorld } from './world.js';

const stage = (k: Kiosk, id: string) =>
  (k.store.raw.prepare('SELECT stage FROM incidents WHERE id = ?').get(id) as { stage: string }).stage;
const moves = (k: Kiosk, id: string) =>
  (
    k.store.raw
      .prepare("SELECT from_stage, to_stage FROM incident_events WHERE incident_id = ? AND kind = 'move' ORDER BY at")
      .all(id) as { from_stage: string; to_stage: string }[]
  ).map((m) => `${m.from_stage}>${m.to_stage}`);

describe('incident moves across kiosks', () => {
  it('the server refuses a move the role may no longer make, and the kiosk that made it offline undoes it', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const shore = await w.kiosk('Shore office');
    const { id } = await report(bridge, 'medium', w.now());
    await bridge.sync!.syncNow();
    await shore.sync!.syncNow();

    // Ashore, the master takes the officer's role away; the bridge has not heard of it yet.
    const master = await signIn(shore, 'master', 'vessel');
    const officerId = demoUserId('vessel', 'Maria Santos');
    await ok(call(shore, 'admin.setRole', { userId: officerId, roleId: roleId('crew') }, master));
    await shore.sync!.syncNow();

    await w.advance(MIN);
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: 'Looking at it' }, officer));
    expect(stage(bridge, id)).toBe('triaging');

    await bridge.sync!.syncNow();
    await bridge.sync!.syncNow();
    expect(stage(bridge, id)).toBe('reported');
    expect(moves(bridge, id)).toEqual([]);
    const refused = await sql<{ mutation: string; code: string; kind: string }>`
      SELECT mutation, code, kind FROM conflicts WHERE device_id = ${bridge.deviceId}`.execute(w.service.db.admin);
    expect(refused.rows).toEqual([{ mutation: 'incidents.move', code: 'FORBIDDEN', kind: 'rejected' }]);
    expect(await replicaDiff(bridge, w.service.db.admin)).toEqual([]);
  });

  it('two kiosks moving one incident offline end in the move made later everywhere; both moves stay in the history and the other is a conflict', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const { id } = await report(bridge, 'high', w.now());
    const master = await signIn(bridge, 'master', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: '' }, master));
    await bridge.sync!.syncNow();
    await engine.sync!.syncNow();

    // Offline: the officer escalates at 09:01 on the engine kiosk, the master starts an investigation at 09:03.
    await w.advance(MIN);
    const officer = await signIn(engine, 'officer', 'vessel');
    await ok(call(engine, 'incidents.move', { id, to: 'escalated', reason: 'Needs the master' }, officer));
    await w.advance(2 * MIN);
    const master2 = await signIn(bridge, 'master', 'vessel');
    await ok(
      call(bridge, 'incidents.move', { id, to: 'under_investigation', reason: 'Opening an investigation' }, master2),
    );

    // The later move reaches shore first; the earlier one arrives after it and must not win.
    await bridge.sync!.syncNow();
    await w.advance(10 * MIN);
    await engine.sync!.syncNow();
    await syncAll([bridge, engine], 2);

    for (const k of [bridge, engine]) {
      expect(stage(k, id)).toBe('under_investigation');
      expect(moves(k, id)).toEqual(['reported>triaging', 'triaging>escalated', 'triaging>under_investigation']);
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }
    const lost = await sql<{ mutation: string; code: string; args: string }>`
      SELECT mutation, code, args FROM conflicts WHERE device_id = ${engine.deviceId}`.execute(w.service.db.admin);
    expect(lost.rows.map((r) => [r.mutation, r.code])).toEqual([['incidents.move', 'LATER_EDIT_WON']]);
    const detail = JSON.parse(lost.rows[0].args) as { changes: { field: string; mine: unknown; kept: unknown }[] };
    expect(detail.changes).toEqual([
      expect.objectContaining({ field: 'stage', mine: 'escalated', kept: 'under_investigation' }),
    ]);
    // The supervisors read it on the kiosk that lost.
    const listed = await ok<{ conflicts: { mutation: string }[] }>(
      call(engine, 'sync.conflicts', {}, await signIn(engine, 'officer', 'vessel')),
    );
    expect(listed.conflicts.map((c) => c.mutation)).toEqual(['incidents.move']);
  });

  it('refuses moves the workflow lacks and moves from a stage the incident never had, with a clear code', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const { id } = await report(bridge, 'low', w.now());
    const master = await signIn(bridge, 'master', 'vessel');
    const crew = await signIn(bridge, 'crew', 'vessel');
    const jump = await call(bridge, 'incidents.move', { id, to: 'closed', reason: '' }, master);
    expect(jump.ok ? 'OK' : jump.error.code).toBe('CONFLICT');
    const byCrew = await call(bridge, 'incidents.move', { id, to: 'triaging', reason: '' }, crew);
    expect(byCrew.ok ? 'OK' : byCrew.error.code).toBe('FORBIDDEN');
    expect(stage(bridge, id)).toBe('reported');
    await expect(
      bridge.runner.run(
        moveIncident,
        { incidentId: id, eventId: '0193a1b2-0000-7000-8000-00000000000a', from: 'resolved', to: 'closed', reason: '' },
        {
          userId: demoUserId('vessel', 'Erik Hansen'),
          permissions: ['incidents.report', 'incidents.triage', 'compliance.approve'],
        },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
