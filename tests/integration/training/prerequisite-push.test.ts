import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};
const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;
const FOOD_ID = moduleId('FOOD_SAFETY_101', 1);
/** ALLERGENS_101 needs FOOD_SAFETY_101 passed first. */
const ALLERGENS_ID = moduleId('ALLERGENS_101', 1);
const EMMA = demoUserId('restaurant', 'Emma Dubois');

describe('prerequisites on the server', () => {
  it('a forged push that starts an assessment whose prerequisites are not passed is rejected; once they are passed centrally the same push applies', async () => {
    const service = await startService();
    const { kiosk: tampered } = await enrolledKiosk(service, 'restaurant');
    const start = (seq: number, attemptId: string) => ({
      seq,
      name: 'assessment.start',
      version: 1,
      args: { attemptId, moduleId: ALLERGENS_ID },
      hlc: encodeHlc({ wall: Date.now(), counter: seq, node: 'tampered' }),
      userId: EMMA,
    });
    const central = async (id: string) =>
      (await sql<Val>`SELECT id FROM training_attempts WHERE id = ${id}`.execute(service.db.admin)).rows;

    // The kiosk's own mutator would refuse it; a modified kiosk signs it with its own key anyway.
    const forged = newId();
    const res = pushResponse.parse((await rawPush(service, tampered, [start(1, forged)])).body);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([[1, 'rejected', 'CONFLICT']]);
    expect(res.results[0].message).toMatch(/FOOD_SAFETY_101/);
    expect(await central(forged)).toEqual([]);

    // Control: Emma passes FOOD_SAFETY_101 honestly on another kiosk, and it reaches central.
    const { kiosk: honest } = await enrolledKiosk(service, 'restaurant');
    const token = await signIn(honest, 'staff');
    const started = await ok(call(honest, 'training.startAssessment', { moduleId: FOOD_ID }, token));
    const answers = started.questions.map((q: Val, i: number) => ({
      questionId: q.id,
      selected: FOOD.questions[i].correct,
      responseMs: 3000,
    }));
    const result = await ok(
      call(honest, 'training.submitAssessment', { attemptId: started.attemptId, answers }, token),
    );
    expect(result.passed).toBe(true);
    await honest.sync!.syncNow();

    const allowed = newId();
    const again = pushResponse.parse((await rawPush(service, tampered, [start(2, allowed)])).body);
    expect(again.results.map((r) => [r.seq, r.status])).toEqual([[2, 'applied']]);
    expect(await central(allowed)).toEqual([{ id: allowed }]);
  });
});
