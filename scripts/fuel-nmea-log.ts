/**
 * Writes a recorded NMEA 0183 log of a vessel steaming (RMC, VTG, VHW, RPM, XDR fuel flow), the
 * same every time for the same seed, for demos and for replaying into a kiosk's fuel feed.
 *
 *   npx tsx scripts/fuel-nmea-log.ts --seed 358 --minutes 60 --out /tmp/voyage.nmea
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateVoyage, voyageText } from '../tests/helpers/nmea-voyage.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '358' },
    minutes: { type: 'string', default: '60' },
    start: { type: 'string', default: '2026-11-22T08:00:00Z' },
    'fault-every': { type: 'string', default: '0' },
    out: { type: 'string' },
  },
});
const log = generateVoyage({
  seed: Number(values.seed),
  minutes: Number(values.minutes),
  start: values.start,
  faultEvery: Number(values['fault-every']) || undefined,
});
const text = voyageText(log);
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);
