import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createClassesStore } from '../../../renderer/stores/classes-store.js';
import { createFakeTransport, err, ok } from '../renderer/fake-transport.js';

const figures = (scheduled: number) => ({
  byStatus: { scheduled, completed: 0, cancelled: 0, no_show: 0 },
  byPayment: { pending: scheduled, paid: 0, waived: 0, refunded: 0 },
  total: scheduled,
  createdToday: 0,
  createdThisWeek: 0,
  failedToday: 0,
  weeklyRuns: { success: 0, skipped: 0, failed: 0 },
  byMonth: [],
  studentsWithMissing: 0,
  students: 1,
});
const settings = ok({ horizonWeeks: 4, timeZone: 'Europe/Paris', today: '2026-11-22' });

describe('classes store', () => {
  it('reloads the dashboard figures when synced class data arrives, and ignores other tables', async () => {
    let n = 2;
    const fake = createFakeTransport({ 'classes.figures': () => ok(figures(n)), 'classes.settings': () => settings });
    const api = createApiClient(fake.transport);
    const store = createClassesStore({ api });
    api.onEvent((e) => store.getState().handleEvent(e));
    store.getState().setTab('dashboard');
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().figures?.byStatus.scheduled).toBe(2);
    n = 5;
    fake.emit({ type: 'data.changed', tables: ['users'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('classes.figures')).toHaveLength(1);
    fake.emit({ type: 'data.changed', tables: ['classes'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('classes.figures')).toHaveLength(2);
    expect(store.getState().figures?.byStatus.scheduled).toBe(5);
  });

  it('moves the week by seven days and asks for that week', async () => {
    const fake = createFakeTransport({
      'classes.week': (input) =>
        ok({ weekStart: (input as { weekStart?: string }).weekStart ?? '2026-11-16', days: [], classes: [] }),
    });
    const store = createClassesStore({ api: createApiClient(fake.transport) });
    await store.getState().refresh();
    await store.getState().shiftWeek(1);
    expect(store.getState().weekStart).toBe('2026-11-23');
    expect(fake.callsTo('classes.week').map((c) => c.input)).toEqual([{}, { weekStart: '2026-11-23' }]);
  });

  it('keeps a refused import as an error and writes nothing to the notice', async () => {
    const fake = createFakeTransport({ 'classes.importCommit': () => err('VALIDATION_FAILED') });
    const store = createClassesStore({ api: createApiClient(fake.transport) });
    expect(await store.getState().commitImport('x', 'all')).toBe(false);
    expect(store.getState().error?.code).toBe('VALIDATION_FAILED');
    expect(store.getState().notice).toBeNull();
  });

  it('sends an existing student only with the fields changed, and nothing at all when none changed', async () => {
    const fake = createFakeTransport({
      'classes.updateStudent': () => ok({ ok: true }),
      'classes.students': () => ok([]),
    });
    const store = createClassesStore({ api: createApiClient(fake.transport) });
    const fields = {
      firstName: 'Ana',
      lastName: 'Ribeiro-Silva',
      course: 'French B1',
      startDate: '2026-11-23',
      endDate: null,
      schedule: [{ weekday: 1, start: '18:00', durationMinutes: 60 }],
    };
    const id = '0193a5b2-1c3d-7e4f-8a9b-000000000001';
    expect(await store.getState().saveStudent(fields, id, ['lastName'])).toBe(true);
    expect(fake.callsTo('classes.updateStudent').map((c) => c.input)).toEqual([{ ...fields, id, only: ['lastName'] }]);
    expect(await store.getState().saveStudent(fields, id, [])).toBe(true);
    expect(fake.callsTo('classes.updateStudent'), 'no call for a form saved unchanged').toHaveLength(1);
  });
});
