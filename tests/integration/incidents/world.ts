import { createManualClock, type ManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { defaultPlaceId } from '../../../shared/incidents/places.js';
import { T0 } from '../../helpers/shared-time.js';
import { call, settle, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

export const SITE = siteOf('vessel');
export const MIN = 60_000;

/**
 * One world time for a sync service and the vessel's kiosks. `advance` moves every clock on with
 * their timers (the escalation watch runs on them) in 30-second steps, as real time would pass.
 */
export async function vesselWorld() {
  let time = T0;
  const service = await startService({ clock: { now: () => time } });
  const kiosks: { kiosk: Kiosk; clock: ManualClock }[] = [];
  return {
    service,
    now: () => time,
    async kiosk(name: string): Promise<Kiosk> {
      const clock = createManualClock(time);
      const { kiosk } = await enrolledKiosk(service, 'vessel', { clock, deviceName: name });
      kiosks.push({ kiosk, clock });
      return kiosk;
    },
    async advance(ms: number, step = 30_000) {
      for (let done = 0; done < ms; done += step) {
        const d = Math.min(step, ms - done);
        time += d;
        for (const k of kiosks) k.clock.advance(d);
        for (const k of kiosks) {
          await k.kiosk.escalations.idle();
          await settle(k.kiosk);
        }
      }
    },
  };
}

export async function ok<T>(
  p: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Reports an incident on `kiosk` as the crew member Tom Okafor. */
export async function report(kiosk: Kiosk, severity: 'low' | 'medium' | 'high' | 'critical', at: number) {
  const token = await signIn(kiosk, 'crew', 'vessel');
  return ok<{ id: string }>(
    call(
      kiosk,
      'incidents.report',
      {
        type: 'fire',
        severity,
        placeId: defaultPlaceId(SITE, 'engine_room'),
        occurredAt: new Date(at).toISOString(),
        whatHappened: 'Smoke from the generator switchboard',
        peopleInvolved: 'Tom Okafor',
        immediateActions: 'Isolated the breaker, CO2 ready',
        confidential: false,
      },
      token,
    ),
  );
}
