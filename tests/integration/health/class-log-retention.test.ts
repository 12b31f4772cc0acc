import { describe, expect, it } from 'vitest';
import { logGenerationFailure } from '../../../shared/classes/mutations.js';
import { newId } from '../../../shared/ids.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

const DAY = 86_400_000;

describe('class generation log retention', () => {
  it('follows the site setting, not a constant in code: 8 days set, gone on the ninth night (the default keeps 30)', async () => {
    const { kiosk, clock } = await makeKiosk();
    const logId = newId();
    await kiosk.runner.run(
      logGenerationFailure,
      { logId, operation: 'manual', message: 'The weekly class generation failed', error: 'x' },
      { userId: null, permissions: [] },
    );
    const live = async () =>
      (
        await kiosk.store.db
          .selectFrom('class_generation_logs')
          .select('id')
          .where('id', '=', logId)
          .where('deleted_at', 'is', null)
          .execute()
      ).length;
    const admin = await signIn(kiosk, 'admin');
    expect(codeOf(await call(kiosk, 'health.setRetention', { kind: 'class_generation_logs', days: 8 }, admin))).toBe(
      'OK',
    );
    for (let d = 0; d < 7; d++) {
      clock.advance(DAY);
      await kiosk.jobs.idle();
    }
    expect(await live()).toBe(1);
    clock.advance(2 * DAY);
    await kiosk.jobs.idle();
    expect(await live()).toBe(0);
  });
});
