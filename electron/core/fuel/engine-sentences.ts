/**
 * The engine sentences nmea-simple does not decode, read from the fields of a sentence whose
 * checksum was already checked:
 *
 * - `$--RPM,S|E,n,rpm,pitch%,A|V` (NMEA 0183 standard): shaft or engine `n` (0 single or centre,
 *   odd starboard, even port), revolutions a minute (negative astern), status A valid.
 * - `$--XDR,type,value,units,name,...` (NMEA 0183 standard transducer sentence, quadruplets):
 *   type `T` units `R` named `ENGINE#n` or `ENGINEn` is engine n's tachometer (RPM); type `V` or `X`
 *   units `L` named `FUELRATE#n`, `FUELFLOW#n` (or without `#n` for engine 0) is engine n's fuel
 *   flow in litres an hour. That is how the NMEA 2000 gateways on board (engine parameters PGN
 *   127489) write fuel rate into 0183; other quadruplets are ignored.
 */

export type EngineReading =
  { kind: 'rpm'; engine: number; rpm: number } | { kind: 'fuel_rate'; engine: number; litresPerHour: number };

export class SentenceError extends Error {}

const num = (field: string | undefined, what: string): number => {
  if (field === undefined || field.trim() === '') throw new SentenceError(`${what} is empty`);
  const v = Number(field);
  if (!Number.isFinite(v)) throw new SentenceError(`${what} "${field}" is not a number`);
  return v;
};

/** `fields[0]` is the address (`$ERRPM`); the checksum is already cut off. */
export function decodeRpm(fields: readonly string[]): EngineReading[] {
  const [, source, number, speed, , status] = fields;
  if (source !== 'E' && source !== 'S') throw new SentenceError(`RPM source "${source}" is neither E nor S`);
  // A reading the sensor itself marks invalid is no reading at all.
  if (status !== undefined && status !== '' && status !== 'A') return [];
  return [{ kind: 'rpm', engine: num(number, 'RPM engine number'), rpm: num(speed, 'RPM speed') }];
}

const ENGINE_NAME = /^ENGINE#?(\d)$/i;
const FUEL_NAME = /^FUEL(?:RATE|FLOW)(?:#?(\d))?$/i;

export function decodeXdr(fields: readonly string[]): EngineReading[] {
  const quads = fields.slice(1);
  if (quads.length === 0 || quads.length % 4 !== 0)
    throw new SentenceError(`XDR carries ${quads.length} fields, not groups of four`);
  const out: EngineReading[] = [];
  for (let i = 0; i < quads.length; i += 4) {
    const [type, value, units, name] = quads.slice(i, i + 4);
    const engine = ENGINE_NAME.exec(name);
    if (engine && type === 'T' && units === 'R') {
      out.push({ kind: 'rpm', engine: Number(engine[1]), rpm: num(value, `XDR ${name}`) });
      continue;
    }
    const fuel = FUEL_NAME.exec(name);
    if (fuel && (type === 'V' || type === 'X') && units === 'L')
      out.push({ kind: 'fuel_rate', engine: Number(fuel[1] ?? 0), litresPerHour: num(value, `XDR ${name}`) });
  }
  return out;
}
