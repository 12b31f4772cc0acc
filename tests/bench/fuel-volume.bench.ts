// Fuel data over an expensive link: the gzip'd push bytes of the minute summaries, per engine per
// day, against the raw NMEA the instruments sent (which stays on board, bulk lane only). One
// hour of a twin-engine vessel at 1 Hz, scaled to a day. Run with `npm run bench -- fuel-volume`.
import { gzipSync } from 'node:zlib';
import { startFuelFeed } from '../../electron/core/fuel/fuel-feed.js';
import { generateVoyage, voyageText } from '../helpers/nmea-voyage.js';
import type { Figure } from './bench-kit.js';
import { startCentral, watchFetch } from './central.js';

const ENGINES = 2;
const HOURS = 1;
const GOAL_BYTES = 50 * 1024;
const quiet = { info() {}, warn() {}, error() {} };

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  const figures: Figure[] = [];
  try {
    const log = generateVoyage({ seed: 358, start: '2026-11-22T08:00:00Z', minutes: HOURS * 60 });
    const raw = Buffer.byteLength(voyageText(log).replace(/^\d+\t/gm, ''));
    const perDay = (bytes: number) => (bytes * (24 / HOURS)) / ENGINES;

    // As a kiosk on a link that comes and goes: an hour of minutes queued, then pushed at once.
    for (const mode of ['queued an hour', 'pushed every ten minutes'] as const) {
      const kiosk = await central.kiosk('vessel');
      const feed = await startFuelFeed(
        { store: kiosk.store, runner: kiosk.runner, clock: kiosk.clock, log: quiet, siteId: kiosk.siteId },
        { udpPort: 0 },
      );
      let wire = 0;
      const push = async () => {
        await feed.idle();
        const { calls } = await watchFetch(() => kiosk.sync!.syncNow());
        wire += calls.filter((c) => c.path === '/v1/push').reduce((n, c) => n + c.bodyBytes, 0);
      };
      let second = -1;
      for (const r of log) {
        feed.ingest(r.line);
        const s = Math.floor(r.atMs / 1000);
        if (mode === 'pushed every ten minutes' && s !== second && s % 600 === 0 && s > 0) await push();
        second = s;
      }
      await feed.stop();
      await push();
      const value = perDay(wire);
      figures.push({
        name: `fuel summaries push gzip bytes per engine per day (${mode})`,
        value,
        unit: 'bytes',
        baseline: perDay(raw),
        ratio: value / perDay(raw),
        goal: `<= ${GOAL_BYTES} bytes (50 KB) per engine per day; baseline: the raw NMEA`,
        met: value <= GOAL_BYTES,
      });
    }
    figures.push({
      name: 'fuel raw NMEA gzip bytes per engine per day (bulk lane only)',
      value: perDay(gzipSync(voyageText(log)).byteLength),
      unit: 'bytes',
      baseline: perDay(raw),
      ratio: gzipSync(voyageText(log)).byteLength / raw,
      goal: 'for comparison: the raw readings, even compressed, are far over 50 KB (met: they are, so they stay off that link)',
      met: (gzipSync(voyageText(log)).byteLength * (24 / HOURS)) / ENGINES > GOAL_BYTES,
    });
  } finally {
    await central.stop();
  }
  return figures;
}
