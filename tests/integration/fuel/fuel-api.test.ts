import { describe, expect, it } from 'vitest';
import { makeKiosk, call, codeOf, signIn } from '../../helpers/kiosk.js';
import { generateVoyage } from '../../helpers/nmea-voyage.js';
import { createSocket } from 'node:dgram';

const sounding = {
  measuredAt: '2026-11-22T08:30:00.000Z',
  tank: '3P',
  fuelType: 'HFO' as const,
  volumeM3: 412.5,
  densityKgM3: 985.1,
};

/** A vessel kiosk listening for NMEA on a real UDP port, fed 25 minutes whose engine 2 meter sticks at minute 5. */
async function fedVessel() {
  const tk = await makeKiosk({ siteKey: 'vessel', fuelFeed: { udpPort: 0 } });
  const feed = tk.kiosk.fuelFeed!;
  const socket = createSocket('udp4');
  const log = generateVoyage({
    seed: 14,
    start: '2026-11-22T08:00:00Z',
    minutes: 25,
    stuckMeter: { engine: 2, fromMinute: 5 },
    burstEverySeconds: 10,
  });
  // One datagram a burst, as a multiplexer sends them; waiting for each keeps their order.
  const bursts = new Map<number, string[]>();
  for (const r of log)
    bursts.set(Math.floor(r.atMs / 1000), [...(bursts.get(Math.floor(r.atMs / 1000)) ?? []), r.line]);
  for (const lines of bursts.values())
    await new Promise<void>((resolve, reject) =>
      socket.send(lines.join('\r\n') + '\r\n', feed.ports.udp, '127.0.0.1', (err) => (err ? reject(err) : resolve())),
    );
  socket.close();
  await expect.poll(() => feed.stats().accepted, { timeout: 10_000 }).toBe(log.length);
  await feed.idle();
  return tk;
}

describe('the fuel API on a vessel kiosk', () => {
  it('serves the live readings, the minute series and the tanks, and raises the stuck meter as one anomaly', async () => {
    const { kiosk } = await fedVessel();
    const crew = await signIn(kiosk, 'crew', 'vessel');

    const logged = await call(kiosk, 'fuel.log', { log: 'sounding', fields: sounding }, crew);
    expect(codeOf(logged)).toBe('OK');

    const live = await call(kiosk, 'fuel.live', {}, crew);
    if (!live.ok) throw new Error(live.error.message);
    const v = live.value as {
      engines: { engine: number; rpm: number; litresPerHour: number }[];
      stwKn: number;
      tanks: unknown[];
      points: { seq: number; kind: string }[];
      lastSeq: number;
    };
    expect(v.engines.map((e) => e.engine)).toEqual([1, 2]);
    expect(v.engines[0].rpm).toBeGreaterThan(700);
    expect(v.engines[0].litresPerHour).toBeGreaterThan(250);
    expect(v.stwKn).toBeCloseTo(14, 0);
    expect(v.tanks).toEqual([{ tank: '3P', fuelType: 'HFO', volumeM3: 412.5, measuredAt: sounding.measuredAt }]);
    expect(v.points.length).toBeGreaterThan(500);
    expect(new Set(v.points.map((p) => p.kind))).toEqual(new Set(['sog', 'stw', 'rpm', 'fuel_rate']));
    // A poll after the newest point gets nothing more.
    const again = await call(kiosk, 'fuel.live', { afterSeq: v.lastSeq }, crew);
    expect((again as { value: { points: unknown[] } }).value.points).toEqual([]);

    const series = await call(kiosk, 'fuel.series', {}, crew);
    const minutes = (series as { value: { minute: string; engine: number }[] }).value;
    // 20 closed minutes written (batches of ten), two engines each.
    expect(minutes).toHaveLength(40);
    expect(minutes[0]).toMatchObject({ minute: '2026-11-22T08:00:00.000Z', engine: 1 });

    const anomalies = await call(kiosk, 'fuel.anomalies', {}, crew);
    expect(anomalies.ok && anomalies.value).toEqual([
      expect.objectContaining({
        kind: 'suspect_sensor',
        sensor: 'fuel_rate#2',
        engine: 2,
        since: '2026-11-22T08:05:00.000Z',
        status: 'open',
        why: { rule: 'stuck', minutes: 10 },
        action: null,
      }),
    ]);
    // Looking again finds the same episode: nothing new is queued.
    const outbox = kiosk.store.raw.prepare("SELECT COUNT(*) AS n FROM outbox WHERE name = 'fuel.anomaly.raise'");
    expect((outbox.get() as { n: number }).n).toBe(1);
  });

  it('an officer investigates, raises a corrective action and resolves; crew may not; the status never goes back', async () => {
    const { kiosk } = await fedVessel();
    const crew = await signIn(kiosk, 'crew', 'vessel');
    const officer = await signIn(kiosk, 'officer', 'vessel');
    const list = await call(kiosk, 'fuel.anomalies', {}, officer);
    const id = (list as { value: { id: string }[] }).value[0].id;

    const byCrew = await call(
      kiosk,
      'fuel.investigate',
      { id, status: 'investigating', rootCause: null, resolution: null },
      crew,
    );
    expect(codeOf(byCrew)).toBe('FORBIDDEN');

    const started = await call(
      kiosk,
      'fuel.investigate',
      {
        id,
        status: 'investigating',
        rootCause: 'Flow meter of engine 2 frozen',
        resolution: null,
        action: { title: 'Replace the flow meter of engine 2', dueDate: '2026-11-25' },
      },
      officer,
    );
    if (!started.ok) throw new Error(started.error.message);
    const actionId = (started.value as { actionId: string }).actionId;
    const action = kiosk.store.raw
      .prepare('SELECT source_kind, source_id, kind, title, status FROM actions WHERE id = ?')
      .get(actionId);
    expect(action).toEqual({
      source_kind: 'fuel_anomaly',
      source_id: id,
      kind: 'corrective',
      title: 'Replace the flow meter of engine 2',
      status: 'open',
    });

    const noResolution = await call(
      kiosk,
      'fuel.investigate',
      { id, status: 'resolved', rootCause: null, resolution: null },
      officer,
    );
    expect(noResolution.ok ? null : noResolution.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'resolution' }] },
    });

    const resolved = await call(
      kiosk,
      'fuel.investigate',
      { id, status: 'resolved', rootCause: null, resolution: 'Meter replaced; readings follow the RPM again' },
      officer,
    );
    expect(codeOf(resolved)).toBe('OK');
    const after = await call(kiosk, 'fuel.anomalies', { status: ['resolved'] }, officer);
    expect((after as { value: unknown[] }).value).toEqual([
      expect.objectContaining({
        id,
        status: 'resolved',
        rootCause: 'Flow meter of engine 2 frozen',
        resolution: 'Meter replaced; readings follow the RPM again',
        action: { id: actionId, title: 'Replace the flow meter of engine 2', dueDate: '2026-11-25', status: 'open' },
      }),
    ]);

    const back = await call(
      kiosk,
      'fuel.investigate',
      { id, status: 'investigating', rootCause: null, resolution: null },
      officer,
    );
    expect(codeOf(back)).toBe('CONFLICT');
  });

  it('refuses a bad log entry naming the field and leaves the log as it was', async () => {
    const { kiosk } = await makeKiosk({ siteKey: 'vessel' });
    const crew = await signIn(kiosk, 'crew', 'vessel');
    const bad = await call(kiosk, 'fuel.log', { log: 'sounding', fields: { ...sounding, densityKgM3: 9851 } }, crew);
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'fields.densityKgM3' }] },
    });
    const logs = await call(kiosk, 'fuel.logs', {}, crew);
    expect(logs).toEqual({ ok: true, value: [] });
  });
});
