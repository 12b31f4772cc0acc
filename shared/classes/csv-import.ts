import Papa from 'papaparse';
import { fieldProblemsFromZod } from '../domain/field-problems.js';
import { csvDate, hasReplacementCharacter, unclosedQuoteLine, type SlashDateOrder } from './csv-text.js';
import { studentFields } from './mutations.js';
import { MAX_SLOTS, validateSchedule, type ScheduleSlot } from './schedule.js';

export const CSV_COLUMNS = ['first_name', 'last_name', 'course', 'start_date', 'end_date', 'schedule'] as const;
export const MAX_IMPORT_ROWS = 500;

export interface ImportedStudent {
  firstName: string;
  lastName: string;
  course: string;
  startDate: string;
  endDate: string | null;
  schedule: ScheduleSlot[];
}

/** A row problem as a code and its values, for the screen to say in the kiosk's language. */
export interface RowProblem {
  code: string;
  params: Record<string, string | number>;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  name: string;
  student: ImportedStudent | null;
  /** In English, for logs and the command line; `problems` holds the same, coded. */
  errors: string[];
  problems: RowProblem[];
}

export interface ImportPreview {
  rows: ImportRow[];
  /** Problems with the file itself (no header, a missing column, too many rows), in English. */
  fileErrors: string[];
  /** The same, coded, for the screen to say in the kiosk's language. */
  fileProblems: RowProblem[];
  validCount: number;
  errorCount: number;
}

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  monday: 1,
  lun: 1,
  lundi: 1,
  tue: 2,
  tuesday: 2,
  mar: 2,
  mardi: 2,
  wed: 3,
  wednesday: 3,
  mer: 3,
  mercredi: 3,
  thu: 4,
  thursday: 4,
  jeu: 4,
  jeudi: 4,
  fri: 5,
  friday: 5,
  ven: 5,
  vendredi: 5,
  sat: 6,
  saturday: 6,
  sam: 6,
  samedi: 6,
  sun: 7,
  sunday: 7,
  dim: 7,
  dimanche: 7,
};

/**
 * Reads a schedule written for people: slots separated by ';', each "weekday start minutes", the
 * weekday in English or French or 1-7.
 *
 * @example parseScheduleText('Mon 09:00 60; jeudi 18:30 90')
 */
export function parseScheduleText(text: string): { slots: ScheduleSlot[]; errors: string[]; problems: RowProblem[] } {
  const slots: ScheduleSlot[] = [];
  const errors: string[] = [];
  const problems: RowProblem[] = [];
  const add = (code: string, params: RowProblem['params'], message: string) => {
    errors.push(message);
    problems.push({ code, params });
  };
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_SLOTS * 2) {
    add('SLOTS_TOO_MANY', { max: MAX_SLOTS }, `schedule: at most ${MAX_SLOTS} slots`);
    return { slots, errors, problems };
  }
  parts.forEach((p, i) => {
    const m = /^(\S+)\s+(\d{1,2}:\d{2})\s+(\d{1,3})$/.exec(p);
    if (!m) {
      add(
        'SLOT_FORMAT',
        { n: i + 1, text: p },
        `schedule slot ${i + 1} "${p}": write it as weekday, start and minutes, e.g. "Mon 09:00 60"`,
      );
      return;
    }
    const day = /^[1-7]$/.test(m[1]) ? Number(m[1]) : WEEKDAYS[m[1].toLowerCase().replace(/\.$/, '')];
    if (!day) {
      add(
        'SLOT_WEEKDAY',
        { n: i + 1, text: m[1] },
        `schedule slot ${i + 1}: "${m[1]}" is not a weekday (Mon-Sun, lun-dim or 1-7)`,
      );
      return;
    }
    slots.push({ weekday: day, start: m[2].padStart(5, '0'), durationMinutes: Number(m[3]) });
  });
  if (!errors.length)
    for (const p of validateSchedule(slots))
      add(`SCHEDULE_${p.code}`, { n: (p.slot ?? 0) + 1 }, `schedule: ${p.message}`);
  return { slots, errors, problems };
}

/** Writes a schedule back in the form `parseScheduleText` reads. */
export const formatScheduleText = (slots: readonly ScheduleSlot[]): string =>
  slots
    .map((s) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][s.weekday - 1]} ${s.start} ${s.durationMinutes}`)
    .join('; ');

const studentKey = (first: string, last: string, course: string) => `${first}|${last}|${course}`.toLowerCase();

/**
 * Checks a CSV of students row by row without writing anything. A row is valid when every field
 * is; a student already on the list (same name and course) or twice in the file is an error too.
 */
export function previewStudentCsv(
  text: string,
  existing: readonly { firstName: string; lastName: string; course: string }[] = [],
  opts: { dateOrder?: SlashDateOrder } = {},
): ImportPreview {
  const dateOrder = opts.dateOrder ?? 'dmy';
  const fileErrors: string[] = [];
  const fileProblems: RowProblem[] = [];
  const fileProblem = (code: string, params: RowProblem['params'], message: string) => {
    fileErrors.push(message);
    fileProblems.push({ code, params });
  };
  const body = text.replace(/^\uFEFF/, '');
  // Checked before parsing: a wrong encoding would show "Am\uFFFDlie" as Ready, a stray quote
  // would swallow the rest of the file into one row.
  if (hasReplacementCharacter(body)) {
    fileProblem(
      'ENCODING',
      {},
      'The file is not in UTF-8 and some letters were lost. Open it with "Open a file" (Windows-1252 from Excel is read as such), or save it as "CSV UTF-8".',
    );
  }
  const openQuote = unclosedQuoteLine(body);
  if (openQuote !== null)
    fileProblem(
      'UNCLOSED_QUOTE',
      { line: openQuote },
      `Line ${openQuote}: a quote (") opens a field that is never closed. Close it or remove it.`,
    );
  if (fileErrors.length) return { rows: [], fileErrors, fileProblems, validCount: 0, errorCount: 0 };

  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => c !== 'end_date' && !fields.includes(c));
  if (missing.length)
    fileProblem(
      'MISSING_COLUMNS',
      { columns: CSV_COLUMNS.join(', '), missing: missing.join(', ') },
      `The first line must name the columns ${CSV_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`,
    );
  if (parsed.data.length > MAX_IMPORT_ROWS)
    fileProblem(
      'TOO_MANY_ROWS',
      { max: MAX_IMPORT_ROWS, count: parsed.data.length },
      `At most ${MAX_IMPORT_ROWS} students a file; this one has ${parsed.data.length}.`,
    );
  if (parsed.data.length === 0 && !missing.length) fileProblem('NO_ROWS', {}, 'The file has no student rows.');
  if (fileErrors.length) return { rows: [], fileErrors, fileProblems, validCount: 0, errorCount: 0 };
  const known = new Set(existing.map((e) => studentKey(e.firstName, e.lastName, e.course)));
  const inFile = new Map<string, number>();
  const rows = parsed.data.map((raw, i): ImportRow => {
    const v = (k: string) => (raw[k] ?? '').trim();
    const line = i + 2;
    const errors: string[] = [];
    const problems: RowProblem[] = [];
    const add = (code: string, params: RowProblem['params'], message: string) => {
      errors.push(message);
      problems.push({ code, params });
    };
    const firstName = v('first_name');
    const lastName = v('last_name');
    const course = v('course');
    const startText = v('start_date');
    const endText = v('end_date');
    const startDate = csvDate(startText, dateOrder);
    const endDate = endText ? csvDate(endText, dateOrder) : null;
    const dateForm = dateOrder === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
    if (!firstName) add('REQUIRED', { field: 'first_name' }, 'first_name: required');
    if (!lastName) add('REQUIRED', { field: 'last_name' }, 'last_name: required');
    if (!course) add('REQUIRED', { field: 'course' }, 'course: required');
    if (startDate === null)
      add(
        'BAD_DATE',
        { field: 'start_date', value: startText, form: dateForm },
        `start_date: "${startText}" is not a date written YYYY-MM-DD or ${dateForm}`,
      );
    if (endText && endDate === null)
      add(
        'BAD_DATE',
        { field: 'end_date', value: endText, form: dateForm },
        `end_date: "${endText}" is not a date written YYYY-MM-DD or ${dateForm}`,
      );
    if (endDate !== null && startDate !== null && endDate < startDate)
      add(
        'END_BEFORE_START',
        { end: endDate, start: startDate },
        `end_date: ${endDate} is before the start date ${startDate}`,
      );
    const schedule = parseScheduleText(v('schedule'));
    errors.push(...schedule.errors);
    problems.push(...schedule.problems);
    const key = studentKey(firstName, lastName, course);
    if (firstName && lastName && known.has(key))
      add(
        'KNOWN_STUDENT',
        { name: `${firstName} ${lastName}`, course },
        `${firstName} ${lastName} is already a student of ${course}`,
      );
    const seen = inFile.get(key);
    if (firstName && lastName && seen !== undefined)
      add('SAME_AS_LINE', { line: seen }, `same student as line ${seen}`);
    else inFile.set(key, line);
    const name = `${firstName} ${lastName}`.trim();
    const student = { firstName, lastName, course, startDate: startDate ?? '', endDate, schedule: schedule.slots };
    // The very schema the import's mutation checks: what the preview calls Ready, the import takes.
    if (!errors.length) {
      const checked = studentFields.safeParse(student);
      if (!checked.success) {
        for (const p of fieldProblemsFromZod(checked.error.issues)) {
          const column = CSV_COLUMN_OF[p.field] ?? p.field;
          if (p.problem === 'too_long')
            add('TOO_LONG', { field: column, max: p.limit ?? 0 }, `${column}: at most ${p.limit} characters`);
          else add('FIELD_INVALID', { field: column }, `${column}: not valid`);
        }
      }
    }
    return { line, name, errors, problems, student: errors.length ? null : student };
  });
  const errorCount = rows.filter((r) => r.errors.length).length;
  return { rows, fileErrors, fileProblems, validCount: rows.length - errorCount, errorCount };
}

/** The CSV column for a field of the student schema, to name it as the file does. */
const CSV_COLUMN_OF: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  course: 'course',
  startDate: 'start_date',
  endDate: 'end_date',
  schedule: 'schedule',
};
