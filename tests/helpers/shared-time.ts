import { createManualClock, type ManualClock } from '../../electron/core/clock.js';
import type { Kiosk } from '../../electron/core/kiosk.js';
import { enrolledKiosk, startService } from './sync.js';

/** The start of shared time in tests: a fixed instant, never today. */
export const T0 = Date.parse('2026-11-22T09:00:00Z');

/**
 * One world time for the service and every kiosk, each kiosk's clock off by its own skew (which
 * the test may change, as an operator fixing a kiosk's clock would).
 */
export async function sharedTime() {
  let time = T0;
  const service = await startService({ clock: { now: () => time } });
  const kiosks: { clock: ManualClock; skew: number }[] = [];
  return {
    service,
    async kiosk(name: string, skew = 0): Promise<Kiosk & { setSkew(ms: number): void }> {
      const entry = { clock: createManualClock(time + skew), skew };
      kiosks.push(entry);
      const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock: entry.clock, deviceName: name });
      return Object.assign(kiosk, { setSkew: (ms: number) => void ((entry.skew = ms), entry.clock.set(time + ms)) });
    },
    advance(ms: number) {
      time += ms;
      for (const k of kiosks) k.clock.set(time + k.skew);
    },
  };
}
