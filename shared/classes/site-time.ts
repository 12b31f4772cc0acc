import { TZDate } from '@date-fns/tz';

/**
 * Calendar dates ('YYYY-MM-DD') and wall times ('HH:MM') at a site, and the instants they name.
 * A class is kept as the site's wall clock (date + start), never as a UTC offset, so a 09:00 class
 * stays at 09:00 when daylight-saving time starts or ends; its instant is derived per date.
 */
export type IsoDate = string;
export type WallTime = string;

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export const isWallTime = (s: string): boolean => TIME.test(s);

export const minutesOf = (t: WallTime): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];

/** Calendar arithmetic: no time zone involved, a day is a day. */
export function addDays(d: IsoDate, days: number): IsoDate {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday: 1 Monday ... 7 Sunday. */
export function weekdayOf(d: IsoDate): number {
  const [y, m, day] = parts(d);
  const w = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week holding `d`. */
export const mondayOf = (d: IsoDate): IsoDate => addDays(d, 1 - weekdayOf(d));

/** The site's calendar date and wall time at an instant. */
export function siteClock(instant: number | string, timeZone: string): { date: IsoDate; time: WallTime } {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  // Zone offsets are whole seconds, so every instant of one UTC second has the same local minute:
  // answers are kept per second (a batch of mutations asks for the same few seconds over and over,
  // and each TZDate asks Intl for the offset).
  const key = `${timeZone}|${Math.floor(ms / 1000)}`;
  let at = clocks.get(key);
  if (at === undefined) {
    const t = new TZDate(ms, timeZone);
    at = {
      date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`,
      time: `${pad(t.getHours())}:${pad(t.getMinutes())}`,
    };
    if (clocks.size >= 1_000) clocks.clear();
    clocks.set(key, at);
  }
  return { date: at.date, time: at.time };
}

const clocks = new Map<string, { date: IsoDate; time: WallTime }>();

/**
 * The instant of a wall time on a date at the site. A time skipped when clocks go forward
 * (02:30 on the last Sunday of March in Paris) lands on the first instant after the gap.
 *
 * @example instantAt('2026-03-30', '09:00', 'Europe/Paris') // '2026-03-30T07:00:00.000Z'
 */
export function instantAt(d: IsoDate, t: WallTime, timeZone: string): string {
  const key = `${timeZone}|${d}|${t}`;
  let at = instants.get(key);
  if (at === undefined) {
    const [y, m, day] = parts(d);
    at = new Date(
      new TZDate(y, m - 1, day, Number(t.slice(0, 2)), Number(t.slice(3, 5)), timeZone).getTime(),
    ).toISOString();
    // TZDate asks Intl for the offset (about 0.1 ms); a weekly run asks for the same few dates and
    // times for every student, so answers are kept, up to a bound.
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, at);
  }
  return at;
}

const instants = new Map<string, string>();

/** True when the time zone is one this runtime knows ('Europe/Paris', 'UTC'). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
