import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { parseContent } from '../../../shared/compliance/report-rules.js';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { passingAnswers } from '../../helpers/compliance-answers.js';
import { call, codeOf, signIn } from '../../helpers/kiosk.js';
import { sharedTime } from '../../helpers/shared-time.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';

const OPENING = templateId('RESTAURANT_OPENING', 1);
const FIRE = templateId('FIRE_LSA_WEEKLY', 1);

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}
const answersOn = (k: Kiosk, reportId: string) =>
  Object.fromEntries(
    (
      k.store.raw
        .prepare('SELECT item_id, value FROM compliance_answers WHERE report_id = ? ORDER BY item_id')
        .all(reportId) as { item_id: string; value: string }[]
    ).map((r) => [r.item_id, JSON.parse(r.value) as unknown]),
  );
const contentOf = (k: Kiosk, id: string) =>
  parseContent(
    (k.store.raw.prepare('SELECT content FROM compliance_templates WHERE id = ?').get(id) as { content: string })
      .content,
  );

describe('two kiosks filling one compliance report offline', () => {
  it('converge with every answer from both; the one item both changed keeps both values and shows them', async () => {
    // One world time for shore and both kiosks, so "made later" means later.
    const world = await sharedTime();
    const service = world.service;
    const a = await world.kiosk('Galley');
    const b = await world.kiosk('Office');
    const chefA = await signIn(a, 'chef');
    const { id } = await ok<{ id: string }>(call(a, 'compliance.start', { templateId: OPENING }, chefA));
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const managerB = await signIn(b, 'manager');

    // Offline: A fills the premises and staff sections, B the kitchen; both read the fridge.
    const all = passingAnswers(contentOf(a, OPENING));
    const kitchen = ['fridge_temp', 'freezer_temp', 'dates_checked', 'sanitiser_ready', 'dishwasher_temp'];
    for (const [itemId, value] of Object.entries(all)) {
      const on = kitchen.includes(itemId) ? b : a;
      await ok(call(on, 'compliance.answer', { reportId: id, itemId, value }, on === a ? chefA : managerB));
    }
    world.advance(10_000);
    await ok(call(a, 'compliance.answer', { reportId: id, itemId: 'fridge_temp', value: { value: 3 } }, chefA));
    world.advance(10_000);
    await ok(call(b, 'compliance.answer', { reportId: id, itemId: 'fridge_temp', value: { value: 4 } }, managerB));

    await b.sync!.syncNow();
    await a.sync!.syncNow();
    await b.sync!.syncNow();

    const expected = { ...all, fridge_temp: { value: 4 } };
    expect(answersOn(a, id)).toEqual(expected);
    expect(answersOn(b, id)).toEqual(expected);
    const central = await sql<{
      item_id: string;
    }>`SELECT item_id FROM compliance_answers WHERE report_id = ${id}`.execute(service.db.admin);
    expect(central.rows.length).toBe(Object.keys(all).length);

    for (const [k, token] of [
      [a, chefA],
      [b, managerB],
    ] as const) {
      const r = await ok<{ conflicts: { itemId: string; values: { value: unknown; userName: string | null }[] }[] }>(
        call(k, 'compliance.report', { id }, token),
      );
      // Only the fridge reading was changed on both kiosks: one conflict, both values, newest first.
      expect(r.conflicts).toEqual([
        {
          itemId: 'fridge_temp',
          values: [
            expect.objectContaining({ value: { value: 4 }, userName: 'Camille Martin' }),
            expect.objectContaining({ value: { value: 3 }, userName: 'Lucas Bernard' }),
          ],
        },
      ]);
    }
    // Both kiosks' history rows reached shore: nothing is lost.
    const history = await sql<{
      new_value: string;
    }>`SELECT new_value FROM compliance_answer_history WHERE report_id = ${id} AND item_id = 'fridge_temp' ORDER BY hlc`.execute(
      service.db.admin,
    );
    expect(history.rows.map((h) => h.new_value)).toEqual(['{"value":2}', '{"value":3}', '{"value":4}']);

    // Picking a value settles it on both.
    await ok(call(a, 'compliance.answer', { reportId: id, itemId: 'fridge_temp', value: { value: 4 } }, chefA));
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const settled = await ok<{ conflicts: unknown[] }>(call(b, 'compliance.report', { id }, managerB));
    expect(settled.conflicts).toEqual([]);
  });

  it('the service refuses an approval step from a role that may not approve, even from a kiosk that skipped its check', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'vessel');
    const crew = await signIn(a, 'crew', 'vessel');
    const { id } = await ok<{ id: string }>(call(a, 'compliance.start', { templateId: FIRE }, crew));
    for (const [itemId, value] of Object.entries(passingAnswers(contentOf(a, FIRE))))
      await ok(call(a, 'compliance.answer', { reportId: id, itemId, value }, crew));
    await ok(call(a, 'compliance.sign', { reportId: id, step: 'submit', pin: '3333' }, crew));
    await a.sync!.syncNow();

    // Another crew member's kiosk asks shore to record a review and an approval in her name.
    const { kiosk: tampered } = await enrolledKiosk(service, 'vessel');
    const aline = demoUserId('vessel', 'Aline Girard');
    const step = (seq: number, s: string) => ({
      seq,
      name: 'compliance.sign',
      version: 1,
      args: { reportId: id, approvalId: newId(), step: s, comment: null },
      hlc: encodeHlc({ wall: Date.parse('2026-11-22T09:00:00Z'), counter: seq, node: 'tampered' }),
      userId: aline,
      writes: [],
    });
    const res = pushResponse.parse((await rawPush(service, tampered, [step(1, 'review'), step(2, 'approve')])).body);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 'FORBIDDEN'],
      [2, 'rejected', 'CONFLICT'],
    ]);
    const central = await sql<{
      status: string;
    }>`SELECT status FROM compliance_reports WHERE id = ${id}`.execute(service.db.admin);
    expect(central.rows[0].status).toBe('submitted');
    const steps = await sql<{
      step: string;
    }>`SELECT step FROM compliance_approvals WHERE report_id = ${id}`.execute(service.db.admin);
    expect(steps.rows.map((s) => s.step)).toEqual(['submit']);

    // The officer's role may: applied on shore after sync.
    const officer = await signIn(a, 'officer', 'vessel');
    await ok(call(a, 'compliance.sign', { reportId: id, step: 'review', pin: '2222' }, officer));
    await ok(call(a, 'compliance.sign', { reportId: id, step: 'approve', pin: '2222' }, officer));
    await a.sync!.syncNow();
    const after = await sql<{
      status: string;
    }>`SELECT status FROM compliance_reports WHERE id = ${id}`.execute(service.db.admin);
    expect(after.rows[0].status).toBe('approved');
    expect(codeOf(await call(a, 'compliance.sign', { reportId: id, step: 'approve', pin: '2222' }, officer))).toBe(
      'CONFLICT',
    );
  });
});
