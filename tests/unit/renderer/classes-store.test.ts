import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createClassesStore } from '../../../renderer/stores/classes-store.js';
import { createFakeTransport, ok } from './fake-transport.js';

const week = (weekStart: string) => ({ weekStart, days: [], classes: [] });

describe('class tracking store', () => {
  it('keeps the week the person moved to when an earlier load of the week before answers late', async () => {
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    let calls = 0;
    const fake = createFakeTransport({
      'classes.week': async (input) => {
        calls += 1;
        const asked = (input as { weekStart?: string }).weekStart;
        // The first load (this week, "Today") answers only after the tap on "Next" has answered.
        if (calls === 1) await late;
        return ok(week(asked ?? '2026-11-16'));
      },
    });
    const store = createClassesStore({ api: createApiClient(fake.transport) });
    store.setState({ weekStart: '2026-11-16' });
    const today = store.getState().refresh();
    await store.getState().shiftWeek(1);
    expect(store.getState().weekStart).toBe('2026-11-23');
    release();
    await today;
    expect(store.getState().weekStart).toBe('2026-11-23');
    expect(store.getState().week?.weekStart).toBe('2026-11-23');
  });
});
