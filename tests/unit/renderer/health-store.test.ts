import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createHealthStore } from '../../../renderer/stores/health-store.js';
import { formatReading, readingText } from '../../../renderer/screens/health/health-format.js';
import { createFakeTransport, err, ok } from './fake-transport.js';

const setting = (days: number) => ({ kind: 'error_log', days, defaultDays: 90, minDays: 7, maxDays: 730 });
// Echoes the key and its values, so the test reads which words and numbers were chosen.
const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;

describe('health store', () => {
  it('keeps the saved days, and on a refusal keeps the old ones and the error naming the field', async () => {
    const fake = createFakeTransport({
      'health.errors': () => ok({ entries: [], lastHour: 0 }),
      'health.retention': () => ok({ settings: [setting(90)] }),
      'health.setRetention': (input) =>
        (input as { days: number }).days < 7
          ? err('VALIDATION_FAILED', { field: 'days' })
          : ok({ settings: [setting((input as { days: number }).days)] }),
    });
    const store = createHealthStore({ api: createApiClient(fake.transport) });
    await store.getState().loadAdmin();
    expect(await store.getState().setRetention('error_log', 3)).toBe(false);
    expect(store.getState().retention).toEqual([setting(90)]);
    expect(store.getState().adminError).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'days' } });
    expect(await store.getState().setRetention('error_log', 30)).toBe(true);
    expect(store.getState()).toMatchObject({ retention: [setting(30)], saved: 'error_log', adminError: null });
  });
});

describe('health readings in words', () => {
  it('writes sizes, ages and rates as a person reads them', () => {
    expect(formatReading(t, 'en', { unit: 'bytes' }, 3 * 1024 ** 3)).toBe('3 GB');
    expect(formatReading(t, 'en', { unit: 'bytes' }, 4096)).toBe('4 kB');
    expect(formatReading(t, 'en', { unit: 'minutes' }, 180)).toBe('health.unit.hours{"value":"3"}');
    expect(readingText(t, 'en', { id: 'backup_age', unit: 'minutes', value: 45 })).toBe(
      'health.value.ago{"value":"health.unit.minutes{\\"count\\":45}"}',
    );
    expect(readingText(t, 'en', { id: 'backup_age', unit: 'minutes', value: null })).toBe('health.value.none');
    expect(readingText(t, 'en', { id: 'clock_offset', unit: 'seconds', value: -90 })).toBe(
      'health.unit.seconds{"count":90}',
    );
  });
});
