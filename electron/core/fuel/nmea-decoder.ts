import { parseNmeaSentence } from 'nmea-simple';
import { validNmeaChecksum } from 'nmea-simple/dist/helpers.js';
import {
  fuelSampleSchema,
  REFUSAL_REASONS,
  type FuelSample,
  type RefusalReason,
} from '../../../shared/fuel/samples.js';
import { decodeRpm, decodeXdr, SentenceError, type EngineReading } from './engine-sentences.js';

export type DecodeResult =
  | { ok: true; samples: FuelSample[] }
  | { ok: true; ignored: true; samples: [] }
  | { ok: false; reason: RefusalReason; message: string };

export interface NmeaStats {
  accepted: number;
  ignored: number;
  refused: Record<RefusalReason, number>;
}

export interface NmeaDecoder {
  /** Decodes one sentence received at `receivedAt` (epoch ms, the kiosk's clock). */
  decode(line: string, receivedAt: number): DecodeResult;
  stats(): NmeaStats;
}

export interface NmeaDecoderOptions {
  /** Readings more than this long after the last valid fix get no GPS time (default 2 s). */
  fixMaxAgeMs?: number;
}

// NMEA 0183 allows 82 characters; some gateways write longer XDR lines, so allow some slack.
const MAX_SENTENCE = 200;
const ADDRESS = /^\$([A-Z]{2})([A-Z]{3})$/;

/**
 * Turns NMEA 0183 sentences into fuel samples: RMC, VTG and VHW through nmea-simple, RPM and the
 * XDR fuel-flow convention through `engine-sentences.ts`. A sentence without a valid checksum,
 * malformed, or with values no ship could show is refused and counted, never half-used.
 *
 * GPS time comes only from an RMC whose status is A. The other instruments report in a burst
 * after each fix, so a reading is dated with the fix it follows (to the second, which the minute
 * summaries need) when that fix arrived less than `fixMaxAgeMs` before; dating it by arrival
 * order instead of arrival time keeps a replayed log giving the very same summaries.
 *
 * @example
 * const nmea = createNmeaDecoder();
 * const r = nmea.decode('$ERRPM,E,1,742.0,,A*6B', clock.now());
 */
export function createNmeaDecoder(opts: NmeaDecoderOptions = {}): NmeaDecoder {
  const fixMaxAgeMs = opts.fixMaxAgeMs ?? 2000;
  const refused = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>;
  let accepted = 0;
  let ignored = 0;
  let fix: { gpsMs: number; receivedMs: number } | null = null;

  const refuse = (reason: RefusalReason, message: string): DecodeResult => {
    refused[reason]++;
    return { ok: false, reason, message };
  };

  const timeOf = (receivedAt: number): string | null =>
    fix && receivedAt >= fix.receivedMs && receivedAt - fix.receivedMs <= fixMaxAgeMs
      ? new Date(fix.gpsMs).toISOString()
      : null;

  const decodeKnown = (id: string, sentence: string, fields: string[], receivedAt: number) => {
    const base = { talker: '', receivedAt: new Date(receivedAt).toISOString() };
    const need = (i: number, what: string) => {
      if (!fields[i]?.trim()) throw new SentenceError(`${id} ${what} is empty`);
    };
    switch (id) {
      case 'RMC': {
        const p = parseNmeaSentence(sentence);
        if (p.sentenceId !== 'RMC') return [];
        need(7, 'speed over ground');
        const gpsMs = p.datetime.getTime();
        const valid = p.status === 'valid' && Number.isFinite(gpsMs);
        // A warning fix (status V) is still a position, but its time is not to be trusted.
        if (valid) fix = { gpsMs, receivedMs: receivedAt };
        else fix = null;
        const sourceTime = valid ? new Date(gpsMs).toISOString() : null;
        return [
          {
            kind: 'fix' as const,
            ...base,
            sourceTime,
            lat: p.latitude,
            lon: p.longitude,
            sogKn: p.speedKnots,
            cogDeg: p.trackTrue,
          },
        ];
      }
      case 'VTG': {
        const p = parseNmeaSentence(sentence);
        if (p.sentenceId !== 'VTG') return [];
        need(5, 'speed over ground');
        return [
          { kind: 'sog' as const, ...base, sourceTime: timeOf(receivedAt), sogKn: p.speedKnots, cogDeg: p.trackTrue },
        ];
      }
      case 'VHW': {
        const p = parseNmeaSentence(sentence);
        if (p.sentenceId !== 'VHW') return [];
        need(5, 'speed through water');
        return [
          {
            kind: 'stw' as const,
            ...base,
            sourceTime: timeOf(receivedAt),
            stwKn: p.speedKnots,
            headingDeg: p.degreesTrue,
          },
        ];
      }
      case 'RPM':
      case 'XDR': {
        const readings: EngineReading[] = id === 'RPM' ? decodeRpm(fields) : decodeXdr(fields);
        return readings.map((r) => ({ ...r, ...base, sourceTime: timeOf(receivedAt) }));
      }
      default:
        return null;
    }
  };

  return {
    decode(line, receivedAt) {
      const sentence = line.trim();
      if (sentence.length === 0 || sentence.length > MAX_SENTENCE)
        return refuse('malformed', `A sentence of ${sentence.length} characters (at most ${MAX_SENTENCE}).`);
      if (!sentence.startsWith('$') && !sentence.startsWith('!'))
        return refuse('malformed', `"${sentence.slice(0, 20)}" does not start with $ or !.`);
      if (!validNmeaChecksum(sentence))
        return refuse('checksum', `"${sentence.slice(0, 20)}..." has a missing or wrong checksum.`);
      const fields = sentence.split('*')[0].split(',');
      const address = ADDRESS.exec(fields[0]);
      if (!address) {
        // Proprietary ($P...) and encapsulated (!AIVDM) sentences are valid NMEA this area does not read.
        ignored++;
        return { ok: true, ignored: true, samples: [] };
      }
      const [, talker, id] = address;
      let samples: unknown[] | null;
      try {
        samples = decodeKnown(id, sentence, fields, receivedAt);
      } catch (err) {
        return refuse('malformed', `${fields[0]}: ${err instanceof Error ? err.message : String(err)}.`);
      }
      if (samples === null) {
        ignored++;
        return { ok: true, ignored: true, samples: [] };
      }
      const out: FuelSample[] = [];
      for (const s of samples) {
        const parsed = fuelSampleSchema.safeParse({ ...(s as object), talker });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return refuse('out_of_range', `${fields[0]}: ${issue.path.join('.')} ${issue.message}.`);
        }
        out.push(parsed.data);
      }
      accepted++;
      return { ok: true, samples: out };
    },
    stats: () => ({ accepted, ignored, refused: { ...refused } }),
  };
}
