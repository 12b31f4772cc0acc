import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { roleId } from '../../../shared/ids.js';
import { regulatoryId } from '../../../shared/incidents/record-mutations.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { MIN, ok, report, vesselWorld } from './world.js';

type Detail = {
  regulatory: Record<string, unknown> & { saved: boolean };
  slaPaused: boolean;
  sla: { resolve: { state: string; dueAt: string | null } };
};
const detail = (k: Kiosk, id: string, token: string) => ok<Detail>(call(k, 'incidents.detail', { id }, token));
const regulatoryRow = (k: Kiosk, id: string) =>
  k.store.raw.prepare('SELECT * FROM incident_regulatory WHERE id = ?').get(regulatoryId(id)) as
    Record<string, unknown> | undefined;

describe('regulatory log and SLA pause (issue 12 §6, §3)', () => {
  it('two kiosks editing different fields of the log offline both keep their edit; a role that may not is refused ashore and the kiosk undoes it', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const { id } = await report(bridge, 'high', w.now());
    const master = await signIn(bridge, 'master', 'vessel');
    // Vessel defaults for a fire: the ISM Code and SOLAS; high: investigated, reviewed.
    const first = await detail(bridge, id, master);
    expect(first.regulatory).toMatchObject({
      saved: false,
      frameworks: ['ISM', 'SOLAS'],
      investigationRequired: true,
      reportStatus: 'not_required',
    });
    const { saved: _saved, ...log } = first.regulatory;
    await ok(call(bridge, 'incidents.setRegulatory', { id, regulatory: { ...log, authorityNotify: true } }, master));
    await syncAll([bridge, engine], 2);

    // Offline: the master records the report on the bridge, the officer adds MARPOL in the engine room.
    await w.advance(MIN);
    const saved = (await detail(bridge, id, master)).regulatory;
    const { saved: _s, ...current } = saved;
    const changed = await ok<{ changed: string[] }>(
      call(
        bridge,
        'incidents.setRegulatory',
        { id, regulatory: { ...current, reportStatus: 'reported', reportReference: 'MCA-7781' } },
        master,
      ),
    );
    expect(changed.changed.sort()).toEqual(['reportReference', 'reportStatus']);
    const officer = await signIn(engine, 'officer', 'vessel');
    await w.advance(MIN);
    await ok(
      call(
        engine,
        'incidents.setRegulatory',
        { id, regulatory: { ...current, frameworks: ['ISM', 'SOLAS', 'MARPOL'] } },
        officer,
      ),
    );
    await syncAll([bridge, engine], 3);
    for (const k of [bridge, engine]) {
      expect(regulatoryRow(k, id)).toMatchObject({
        frameworks: '["ISM","SOLAS","MARPOL"]',
        authority_notify: 1,
        report_status: 'reported',
        report_reference: 'MCA-7781',
      });
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }

    // Ashore the officer loses the role; on the engine kiosk, not yet told, they mark the review done.
    const shoreMaster = await signIn(bridge, 'master', 'vessel');
    await ok(
      call(
        bridge,
        'admin.setRole',
        { userId: demoUserId('vessel', 'Maria Santos'), roleId: roleId('crew') },
        shoreMaster,
      ),
    );
    await bridge.sync!.syncNow();
    await w.advance(MIN);
    const officer2 = await signIn(engine, 'officer', 'vessel');
    const mine = (await detail(engine, id, officer2)).regulatory;
    const { saved: _m, ...mineLog } = mine;
    await ok(call(engine, 'incidents.setRegulatory', { id, regulatory: { ...mineLog, reviewDone: true } }, officer2));
    expect(regulatoryRow(engine, id)).toMatchObject({ review_done: 1 });
    await engine.sync!.syncNow();
    await engine.sync!.syncNow();
    expect(regulatoryRow(engine, id)).toMatchObject({ review_done: 0 });
    const refused = await sql<{ mutation: string; code: string }>`
      SELECT mutation, code FROM conflicts WHERE device_id = ${engine.deviceId} AND kind = 'rejected'`.execute(
      w.service.db.admin,
    );
    expect(refused.rows).toEqual([{ mutation: 'incidents.setRegulatory', code: 'FORBIDDEN' }]);
  });

  it('"waiting for shore" stops the SLA clock the detail reads, and the due time moves by the pause', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const { id } = await report(bridge, 'medium', w.now());
    const reportedAt = w.now();
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(call(bridge, 'incidents.move', { id, to: 'triaging', reason: '' }, officer));
    const before = (await detail(bridge, id, officer)).sla.resolve.dueAt;
    expect(before).toBe(new Date(reportedAt + 7 * 24 * 60 * MIN).toISOString());

    await ok(call(bridge, 'incidents.pauseSla', { id, paused: true, reason: 'Spare part from shore' }, officer));
    await w.advance(90 * MIN, 30 * MIN);
    const back = await signIn(bridge, 'officer', 'vessel');
    const paused = await detail(bridge, id, back);
    expect(paused.slaPaused).toBe(true);
    expect(paused.sla.resolve).toMatchObject({ state: 'paused', dueAt: null });

    await ok(call(bridge, 'incidents.pauseSla', { id, paused: false, reason: 'Part on board' }, back));
    const resumed = await detail(bridge, id, back);
    expect(resumed.slaPaused).toBe(false);
    expect(resumed.sla.resolve.dueAt).toBe(new Date(Date.parse(before!) + 90 * MIN).toISOString());
    // Each move and pause was sealed; the record checks OK.
    expect((await ok<{ status: string }>(call(bridge, 'incidents.verify', { id }, back))).status).toBe('ok');
  });
});
