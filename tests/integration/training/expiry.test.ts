import { describe, expect, it } from 'vitest';
import { moduleId } from '../../../shared/training/content-rows.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { markExpiredNow } from '../../../electron/core/training/jobs.js';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';

type Val = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<Val> => {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as Val;
};
const DAY = 86_400_000;

describe('certificate expiry', () => {
  it('shows expiring within 30 days and expired after the validity period at read time; the daily job marks each once', async () => {
    const tk = await makeKiosk();
    let token = await signIn(tk.kiosk, 'staff');
    const FOOD = DEMO_MODULES[0];
    const started = await ok(call(tk.kiosk, 'training.startAssessment', { moduleId: moduleId(FOOD.code, 1) }, token));
    await ok(
      call(
        tk.kiosk,
        'training.submitAssessment',
        {
          attemptId: started.attemptId,
          answers: started.questions.map((q: Val, i: number) => ({
            questionId: q.id,
            selected: FOOD.questions[i].correct,
            responseMs: 1000,
          })),
        },
        token,
      ),
    );
    const deps = { runner: tk.kiosk.runner, store: tk.kiosk.store, now: () => tk.clock.now() };
    expect(await markExpiredNow(deps)).toBe(0);

    tk.clock.set(tk.clock.now() + 340 * DAY);
    token = await signIn(tk.kiosk, 'staff');
    expect((await ok(call(tk.kiosk, 'training.certificates', {}, token)))[0].status).toBe('expiring');

    tk.clock.set(tk.clock.now() + 30 * DAY);
    token = await signIn(tk.kiosk, 'staff');
    expect((await ok(call(tk.kiosk, 'training.certificates', {}, token)))[0].status).toBe('expired');
    const cat = await ok(call(tk.kiosk, 'training.catalog', {}, token));
    expect(cat.modules.find((m: Val) => m.code === FOOD.code).certificate.status).toBe('expired');
    expect(
      tk.kiosk.store.raw
        .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'training.certificate_expired'")
        .get(),
    ).toEqual({ n: 0 });

    // The kiosk was off over the daily run: at its next start the scheduler catches up and marks it.
    const again = await tk.reopen();
    await again.kiosk.jobs.idle();
    const rows = () =>
      again.kiosk.store.raw
        .prepare("SELECT subject_user_id, detail FROM audit_log WHERE action = 'training.certificate_expired'")
        .all() as Val[];
    expect(rows()).toHaveLength(1);
    expect(JSON.parse(rows()[0].detail).number).toMatch(/^FS101-2026-/);
    expect(await markExpiredNow({ ...deps, runner: again.kiosk.runner, store: again.kiosk.store })).toBe(0);
  });
});
