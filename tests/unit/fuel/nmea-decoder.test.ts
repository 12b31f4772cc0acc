import { appendChecksumFooter } from 'nmea-simple/dist/helpers.js';
import { describe, expect, it } from 'vitest';
import { createNmeaDecoder } from '../../../electron/core/fuel/nmea-decoder.js';
import { generateVoyage } from '../../helpers/nmea-voyage.js';

const T0 = Date.parse('2026-11-22T08:00:00Z');
const s = (body: string) => appendChecksumFooter(body);

describe('NMEA decoder', () => {
  it('reads every sentence of a recorded voyage: position, speeds, both engines and fuel flow', () => {
    const nmea = createNmeaDecoder();
    const log = generateVoyage({ seed: 358, start: '2026-11-22T08:00:00Z', minutes: 2 });
    const kinds: Record<string, number> = {};
    for (const r of log) {
      const res = nmea.decode(r.line, T0 + r.atMs);
      expect(res.ok).toBe(true);
      if (res.ok) for (const x of res.samples) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
    }
    expect(kinds).toEqual({ fix: 120, sog: 120, stw: 120, rpm: 240, fuel_rate: 240 });
    expect(nmea.stats()).toEqual({
      accepted: 720,
      ignored: 0,
      refused: { checksum: 0, malformed: 0, out_of_range: 0 },
    });
  });

  it('decodes the engine sentences nmea-simple lacks: RPM and XDR fuel flow and tachometer', () => {
    const nmea = createNmeaDecoder();
    nmea.decode(s('$GPRMC,080000.00,A,4611.9972,N,00448.0039,W,14.0,224.4,221126,,,A'), T0);
    const rpm = nmea.decode(s('$ERRPM,E,2,-310.5,,A'), T0 + 50);
    expect(rpm).toMatchObject({ ok: true, samples: [{ kind: 'rpm', engine: 2, rpm: -310.5, talker: 'ER' }] });
    const xdr = nmea.decode(s('$IIXDR,V,288.4,L,FUELRATE#1,C,81.0,C,ENGTEMP#1,T,702,R,ENGINE#1,V,12.5,L,FUELFLOW'), T0);
    expect(xdr).toMatchObject({
      ok: true,
      samples: [
        { kind: 'fuel_rate', engine: 1, litresPerHour: 288.4 },
        { kind: 'rpm', engine: 1, rpm: 702 },
        { kind: 'fuel_rate', engine: 0, litresPerHour: 12.5 },
      ],
    });
    // A reading its own sensor marks invalid (status V) is dropped, not refused.
    expect(nmea.decode(s('$ERRPM,E,1,700,,V'), T0)).toEqual({ ok: true, samples: [] });
  });

  it('refuses and counts sentences with a wrong or missing checksum, cut lines and impossible values', () => {
    const nmea = createNmeaDecoder();
    const good = s('$ERRPM,E,1,720.0,,A');
    const wrong = good.replace(/\*..$/, '*00');
    expect(nmea.decode(wrong, T0)).toMatchObject({ ok: false, reason: 'checksum' });
    expect(nmea.decode('$ERRPM,E,1,720.0,,A', T0)).toMatchObject({ ok: false, reason: 'checksum' });
    expect(nmea.decode(good.slice(0, 12), T0)).toMatchObject({ ok: false, reason: 'checksum' });
    expect(nmea.decode(s('$ERRPM,E,1,,,A'), T0)).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: expect.stringContaining('RPM speed is empty'),
    });
    expect(nmea.decode(s('$ERRPM,X,1,700,,A'), T0)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(nmea.decode(s('$ERXDR,V,288.4,L'), T0)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(nmea.decode(s('$VWVHW,222.1,T,,M,,N,,K'), T0)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(nmea.decode(s('$GPVTG,224.4,T,,M,95.0,N,175.9,K,A'), T0)).toMatchObject({
      ok: false,
      reason: 'out_of_range',
      message: expect.stringContaining('sogKn'),
    });
    expect(nmea.decode('garbage', T0)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(nmea.stats()).toEqual({ accepted: 0, ignored: 0, refused: { checksum: 3, malformed: 5, out_of_range: 1 } });
  });

  it('ignores valid sentences it has no use for, counted apart from refusals', () => {
    const nmea = createNmeaDecoder();
    for (const line of [
      s('$GPGGA,080000.00,4611.9972,N,00448.0039,W,1,08,0.9,12.0,M,49.0,M,,'),
      s('$PGRME,15.0,M,45.0,M,25.0,M'),
      s('!AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0'),
    ])
      expect(nmea.decode(line, T0)).toEqual({ ok: true, ignored: true, samples: [] });
    expect(nmea.stats()).toMatchObject({ accepted: 0, ignored: 3 });
  });

  it('counts exactly the faults a noisy bus injected into a recorded log', () => {
    const nmea = createNmeaDecoder();
    const log = generateVoyage({ seed: 7, start: '2026-11-22T08:00:00Z', minutes: 5, faultEvery: 10 });
    for (const r of log) nmea.decode(r.line, T0 + r.atMs);
    const st = nmea.stats();
    // 299 seconds after the first, one fault every 10th: 29 damaged sentences of 1800.
    expect(st.refused.checksum + st.refused.malformed).toBe(29);
    expect(st.accepted).toBe(1800 - 29);
  });

  it('takes GPS time only from a valid RMC, and dates the burst after it with that fix', () => {
    const nmea = createNmeaDecoder({ fixMaxAgeMs: 2000 });
    const rmc = (status: 'A' | 'V', time: string) =>
      s(`$GPRMC,${time},${status},4611.9972,N,00448.0039,W,14.0,224.4,221126,,,A`);
    const rpm = s('$ERRPM,E,1,720.0,,A');
    // No fix yet: no GPS time, the receive time only.
    expect(nmea.decode(rpm, T0)).toMatchObject({
      samples: [{ sourceTime: null, receivedAt: '2026-11-22T08:00:00.000Z' }],
    });
    // The receiver's clock may be hours off; GPS time from a valid fix is what the readings carry.
    expect(nmea.decode(rmc('A', '075959.00'), T0 + 100)).toMatchObject({
      samples: [{ sourceTime: '2026-11-22T07:59:59.000Z' }],
    });
    expect(nmea.decode(rpm, T0 + 900)).toMatchObject({
      samples: [{ sourceTime: '2026-11-22T07:59:59.000Z', receivedAt: '2026-11-22T08:00:00.900Z' }],
    });
    // A fix too old to vouch for a reading.
    expect(nmea.decode(rpm, T0 + 2500)).toMatchObject({ samples: [{ sourceTime: null }] });
    // A warning fix: its own time is not trusted and it ends trust in the previous one.
    expect(nmea.decode(rmc('A', '080005.00'), T0 + 3000)).toMatchObject({
      samples: [{ sourceTime: '2026-11-22T08:00:05.000Z' }],
    });
    expect(nmea.decode(rmc('V', '080006.00'), T0 + 3500)).toMatchObject({ samples: [{ sourceTime: null }] });
    expect(nmea.decode(rpm, T0 + 3600)).toMatchObject({ samples: [{ sourceTime: null }] });
  });
});
