import { z } from 'zod';
import { isWallTime, minutesOf } from './site-time.js';

/** One weekly slot: ISO weekday (1 Monday ... 7 Sunday), the site's wall time, and how long. */
export interface ScheduleSlot {
  weekday: number;
  start: string;
  durationMinutes: number;
}

export const MIN_DURATION = 15;
export const MAX_DURATION = 480;
export const MAX_SLOTS = 14;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface ScheduleProblem {
  /** Index of the slot (0-based), or null for the schedule as a whole. */
  slot: number | null;
  code: 'EMPTY' | 'TOO_MANY' | 'BAD_WEEKDAY' | 'BAD_START' | 'BAD_DURATION' | 'PAST_MIDNIGHT' | 'OVERLAP';
  message: string;
}

const label = (s: Partial<ScheduleSlot>, i: number) =>
  `Slot ${i + 1}${typeof s.weekday === 'number' && s.weekday >= 1 && s.weekday <= 7 ? ` (${WEEKDAY_NAMES[s.weekday - 1]}${typeof s.start === 'string' ? ` ${s.start}` : ''})` : ''}`;

/**
 * What is wrong with a weekly schedule, slot by slot, in words a person can act on; empty when
 * it is valid. A valid schedule has 1 to 14 slots, each on a weekday 1-7 at HH:MM (24 h), lasting
 * 15 to 480 minutes, ending by midnight, and no two slots overlap on the same day.
 *
 * @example validateSchedule([{ weekday: 1, start: '09:00', durationMinutes: 60 }]) // []
 */
export function validateSchedule(slots: readonly Partial<ScheduleSlot>[]): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (slots.length === 0)
    problems.push({
      slot: null,
      code: 'EMPTY',
      message: 'A schedule needs at least one weekly slot (a weekday, a start time and a duration).',
    });
  if (slots.length > MAX_SLOTS)
    problems.push({
      slot: null,
      code: 'TOO_MANY',
      message: `A schedule has at most ${MAX_SLOTS} weekly slots; this one has ${slots.length}.`,
    });
  slots.forEach((s, i) => {
    if (!Number.isInteger(s.weekday) || s.weekday! < 1 || s.weekday! > 7) {
      problems.push({
        slot: i,
        code: 'BAD_WEEKDAY',
        message: `${label(s, i)}: the weekday must be 1 (Monday) to 7 (Sunday), not ${String(s.weekday)}.`,
      });
    }
    if (typeof s.start !== 'string' || !isWallTime(s.start)) {
      problems.push({
        slot: i,
        code: 'BAD_START',
        message: `${label(s, i)}: the start time must be HH:MM on a 24-hour clock (e.g. 09:30), not "${String(s.start)}".`,
      });
    }
    if (
      !Number.isInteger(s.durationMinutes) ||
      s.durationMinutes! < MIN_DURATION ||
      s.durationMinutes! > MAX_DURATION
    ) {
      problems.push({
        slot: i,
        code: 'BAD_DURATION',
        message: `${label(s, i)}: a class lasts ${MIN_DURATION} to ${MAX_DURATION} whole minutes, not ${String(s.durationMinutes)}.`,
      });
    } else if (
      typeof s.start === 'string' &&
      isWallTime(s.start) &&
      minutesOf(s.start) + s.durationMinutes! > 24 * 60
    ) {
      problems.push({
        slot: i,
        code: 'PAST_MIDNIGHT',
        message: `${label(s, i)}: a class must end by midnight; ${s.durationMinutes} minutes from ${s.start} runs into the next day.`,
      });
    }
  });
  const valid = slots
    .map((s, i) => ({ s, i }))
    .filter(({ i }) => !problems.some((p) => p.slot === i))
    .map(({ s, i }) => ({
      i,
      day: s.weekday!,
      from: minutesOf(s.start!),
      to: minutesOf(s.start!) + s.durationMinutes!,
    }));
  for (let a = 0; a < valid.length; a++) {
    for (let b = a + 1; b < valid.length; b++) {
      const x = valid[a];
      const y = valid[b];
      if (x.day === y.day && x.from < y.to && y.from < x.to) {
        problems.push({
          slot: y.i,
          code: 'OVERLAP',
          message: `${label(slots[y.i], y.i)} overlaps slot ${x.i + 1} on the same day; a student is in one class at a time.`,
        });
      }
    }
  }
  return problems;
}

export const scheduleSlotSchema = z
  .object({
    weekday: z.number().int(),
    start: z.string().max(5),
    durationMinutes: z.number().int(),
  })
  .strict();

/** A schedule as mutations and the API accept it: shape by zod, meaning by `validateSchedule`. */
export const scheduleSchema = z
  .array(scheduleSlotSchema)
  .max(MAX_SLOTS * 2)
  .superRefine((slots, ctx) => {
    for (const p of validateSchedule(slots))
      ctx.addIssue({ code: 'custom', message: p.message, path: p.slot === null ? [] : [p.slot] });
  });

/** Slots in weekday then start order, so equal schedules compare equal. */
export const sortSlots = (slots: readonly ScheduleSlot[]): ScheduleSlot[] =>
  [...slots]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((s) => ({ weekday: s.weekday, start: s.start, durationMinutes: s.durationMinutes }));

// Built once: constructing a zod schema costs far more than parsing with it, and generation reads
// every student's stored schedule on each run.
const storedScheduleSchema = z.array(scheduleSlotSchema);

/** Reads a stored schedule (JSON text); anything malformed gives null (imported or damaged data). */
export function parseStoredSchedule(json: string): ScheduleSlot[] | null {
  try {
    const value: unknown = JSON.parse(json);
    const parsed = storedScheduleSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
