import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNmeaDecoder } from '../../../electron/core/fuel/nmea-decoder.js';
import { createMinuteAggregator, type MinuteSummary } from '../../../shared/fuel/minute-summary.js';
import { makeKiosk, type TestKiosk } from '../../helpers/kiosk.js';
import { generateVoyage, type RecordedSentence } from '../../helpers/nmea-voyage.js';

const START = '2026-11-22T08:00:00Z';
// Ten minutes of steaming, with a damaged sentence every 50 s as on a real bus.
const LOG = generateVoyage({ seed: 358, start: START, minutes: 10, faultEvery: 50 });

const bursts = (log: readonly RecordedSentence[]) => {
  const bySecond = new Map<number, string[]>();
  for (const r of log)
    bySecond.set(Math.floor(r.atMs / 1000), [...(bySecond.get(Math.floor(r.atMs / 1000)) ?? []), r.line]);
  return [...bySecond.values()];
};

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 1));
};

/** The summaries as stored, every column but the write timestamps, as one string. */
const storedMinutes = (t: TestKiosk) =>
  JSON.stringify(
    t.kiosk.store.raw
      .prepare(
        'SELECT id, site_id, minute, engine, samples, rpm, fuel_lph, fuel_l, sog_kn, stw_kn, distance_nm, gps_time FROM fuel_minutes ORDER BY minute, engine',
      )
      .all(),
  );

/** Replays the log over real UDP, one datagram a sentence, the kiosk's clock moving a second a burst. */
async function replayOverUdp(): Promise<{ t: TestKiosk; summaries: string }> {
  const t = await makeKiosk({ siteKey: 'vessel', fuelFeed: { udpPort: 0 } });
  const feed = t.kiosk.fuelFeed!;
  const socket = createSocket('udp4');
  let sent = 0;
  for (const burst of bursts(LOG)) {
    for (const line of burst) {
      await new Promise<void>((resolve, reject) =>
        socket.send(`${line}\r\n`, feed.ports.udp!, '127.0.0.1', (err) => (err ? reject(err) : resolve())),
      );
      sent++;
    }
    // Wait for every datagram of the burst before the next second, as the instruments pace it.
    await until(() => feed.stats().received === sent);
    t.clock.advance(1000);
  }
  socket.close();
  await feed.stop();
  return { t, summaries: storedMinutes(t) };
}

describe('fuel feed: a recorded NMEA log replayed over the network into a headless kiosk', () => {
  it('gives the same minute summaries every time, byte for byte, and the same as the log read offline', async () => {
    const first = await replayOverUdp();
    const second = await replayOverUdp();
    expect(second.summaries).toBe(first.summaries);

    const rows = JSON.parse(first.summaries) as (MinuteSummary & { id: string; site_id: string })[];
    // Ten minutes of two engines, dated by GPS (08:00) although the kiosk's clock says 09:00.
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ minute: '2026-11-22T08:00:00.000Z', engine: 1, gps_time: 1 });
    expect(rows.at(-1)).toMatchObject({ minute: '2026-11-22T08:09:00.000Z', engine: 2 });
    for (const r of rows) {
      expect(r.fuel_lph).toBeGreaterThan(280);
      expect(r.fuel_lph).toBeLessThan(300);
      expect(r.stw_kn).toBeCloseTo(14, 0);
    }

    // The very rows the pure decoder and aggregator make from the log, with no network at all.
    const decoder = createNmeaDecoder();
    const offline: MinuteSummary[] = [];
    const agg = createMinuteAggregator((r) => offline.push(...r));
    let samples = 0;
    const t0 = Date.parse('2026-11-22T09:00:00Z');
    bursts(LOG).forEach((burst, second) => {
      for (const line of burst) {
        const r = decoder.decode(line, t0 + second * 1000);
        if (r.ok) for (const s of r.samples) agg.add(s);
        if (r.ok) samples += r.samples.length;
      }
    });
    agg.flush();
    expect(rows.map(({ id: _id, site_id: _site, ...r }) => r)).toEqual(offline);

    // Damaged sentences were refused and counted; every good reading is kept raw on board.
    const stats = first.t.kiosk.fuelFeed!.stats();
    expect(stats.refused.checksum + stats.refused.malformed).toBe(11);
    expect(stats.accepted).toBe(LOG.length - 11);
    const raw = first.t.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM fuel_raw_samples').get() as { n: number };
    expect(raw.n).toBe(samples);
    // Summaries are synced rows in the outbox; raw samples are not.
    const outbox = first.t.kiosk.store.raw
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE name = 'fuel.recordMinutes'")
      .get() as { n: number };
    // Ten minutes, written ten at a time: one mutation.
    expect(outbox.n).toBe(1);
  });

  it('gives the same summaries over TCP, however the stream is cut', async () => {
    const udp = await replayOverUdp();
    const t = await makeKiosk({ siteKey: 'vessel', fuelFeed: { tcpPort: 0 } });
    const feed = t.kiosk.fuelFeed!;
    const conn = connect(feed.ports.tcp!, '127.0.0.1');
    await new Promise<void>((resolve) => conn.once('connect', () => resolve()));
    const text = LOG.map((r) => `${r.line}\r\n`).join('');
    // Cut mid-sentence at awkward places: the feed must join lines across chunks.
    for (let i = 0; i < text.length; i += 997) conn.write(text.slice(i, i + 997));
    await until(() => {
      const s = feed.stats();
      return s.accepted + s.refused.checksum + s.refused.malformed + s.refused.out_of_range === LOG.length;
    });
    conn.end();
    await feed.stop();
    expect(storedMinutes(t)).toBe(udp.summaries);
  });

  it('starts no feed on a restaurant, which has no fuel area', async () => {
    const t = await makeKiosk({ siteKey: 'restaurant', fuelFeed: { udpPort: 0 } });
    expect(t.kiosk.fuelFeed).toBeUndefined();
  });
});
