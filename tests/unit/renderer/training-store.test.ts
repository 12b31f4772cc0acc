import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createTrainingStore } from '../../../renderer/stores/training-store.js';
import { createFakeTransport, ok } from './fake-transport.js';

const moduleAnswer = (moduleId: string, cooldownUntil: string | null) => ({
  id: moduleId,
  title: 'Allergens',
  sections: [{ id: 's1', title: 'One', completed: true, bookmarked: false, secondsSpent: 30 }],
  resumeSectionId: 's1',
  progressPercent: 100,
  cooldownUntil,
});

describe('training store', () => {
  it('keeps the newest module load when an earlier one answers late', async () => {
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    let calls = 0;
    const fake = createFakeTransport({
      'training.module': async (input) => {
        calls += 1;
        const { moduleId } = input as { moduleId: string };
        // The first open answers only after the second: it is the module as it was before the
        // failed attempt, with no cool-down yet.
        if (calls === 1) {
          await late;
          return ok(moduleAnswer(moduleId, null));
        }
        return ok(moduleAnswer(moduleId, '2026-11-20T10:10:00.000Z'));
      },
    });
    const store = createTrainingStore({ api: createApiClient(fake.transport), now: () => 0 });
    const first = store.getState().open({ name: 'module', moduleId: 'm1' });
    await store.getState().open({ name: 'module', moduleId: 'm1' });
    expect((store.getState().module as unknown as { cooldownUntil: string | null }).cooldownUntil).toBe(
      '2026-11-20T10:10:00.000Z',
    );
    release();
    await first;
    expect((store.getState().module as unknown as { cooldownUntil: string | null }).cooldownUntil).toBe(
      '2026-11-20T10:10:00.000Z',
    );
    expect(store.getState().busy).toBe(false);
  });

  it('drops a module answer that arrives after the person left the module', async () => {
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    const fake = createFakeTransport({
      'training.module': async (input) => {
        await late;
        return ok(moduleAnswer((input as { moduleId: string }).moduleId, null));
      },
      'training.catalog': async () => ok({ modules: [] }),
    });
    const store = createTrainingStore({ api: createApiClient(fake.transport), now: () => 0 });
    const opening = store.getState().open({ name: 'module', moduleId: 'm1' });
    await store.getState().open({ name: 'catalog' });
    release();
    await opening;
    expect(store.getState().view.name).toBe('catalog');
    expect(store.getState().module).toBeNull();
  });
});
