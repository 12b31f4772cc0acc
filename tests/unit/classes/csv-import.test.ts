import { describe, expect, it } from 'vitest';
import { formatScheduleText, parseScheduleText, previewStudentCsv } from '../../../shared/classes/csv-import.js';
import { csvDate, decodeCsvBytes, slashDateOrderFor } from '../../../shared/classes/csv-text.js';
import { studentFields } from '../../../shared/classes/mutations.js';

const header = 'first_name,last_name,course,start_date,end_date,schedule';

describe('student CSV import preview', () => {
  it('reads weekdays in English, French or as numbers', () => {
    expect(parseScheduleText('Mon 09:00 60; jeudi 18:30 90; 7 9:15 30')).toEqual({
      slots: [
        { weekday: 1, start: '09:00', durationMinutes: 60 },
        { weekday: 4, start: '18:30', durationMinutes: 90 },
        { weekday: 7, start: '09:15', durationMinutes: 30 },
      ],
      errors: [],
      problems: [],
    });
    expect(formatScheduleText([{ weekday: 2, start: '10:00', durationMinutes: 45 }])).toBe('Tue 10:00 45');
  });

  it('accepts a valid file and gives each row its line', () => {
    const p = previewStudentCsv(
      `${header}\nAna,Lopez,Piano,2026-11-23,,Mon 09:00 60\nLéa,Martin,Guitar,2026-12-01,2027-06-30,"Tue 17:00 45; Thu 17:00 45"\n`,
    );
    expect(p.fileErrors).toEqual([]);
    expect(p.rows.map((r) => [r.line, r.name, r.errors])).toEqual([
      [2, 'Ana Lopez', []],
      [3, 'Léa Martin', []],
    ]);
    expect(p.validCount).toBe(2);
    expect(p.rows[1].student).toMatchObject({ endDate: '2027-06-30', schedule: [{ weekday: 2 }, { weekday: 4 }] });
  });

  it('gives every error of a row, in words that say what to write', () => {
    const p = previewStudentCsv(
      `${header}\n,Lopez,Piano,2026-13-01,,Mon 9h 60\nAna,Lopez,Piano,2026-11-23,2026-11-01,Mon 09:00 600\n`,
    );
    expect(p.rows[0].errors).toEqual([
      'first_name: required',
      'start_date: "2026-13-01" is not a date written YYYY-MM-DD or DD/MM/YYYY',
      'schedule slot 1 "Mon 9h 60": write it as weekday, start and minutes, e.g. "Mon 09:00 60"',
    ]);
    expect(p.rows[1].errors[0]).toBe('end_date: 2026-11-01 is before the start date 2026-11-23');
    expect(p.rows[1].errors[1]).toContain('a class lasts 15 to 480 whole minutes');
    expect(p.errorCount).toBe(2);
    // The same problems as codes with their values, for the screen to say in French too.
    expect(p.rows[0].problems).toEqual([
      { code: 'REQUIRED', params: { field: 'first_name' } },
      { code: 'BAD_DATE', params: { field: 'start_date', value: '2026-13-01', form: 'DD/MM/YYYY' } },
      { code: 'SLOT_FORMAT', params: { n: 1, text: 'Mon 9h 60' } },
    ]);
    expect(p.rows[1].problems.map((x) => x.code)).toEqual(['END_BEFORE_START', 'SCHEDULE_BAD_DURATION']);
    expect(p.rows.every((r) => r.student === null)).toBe(true);
  });

  it('flags a student twice in the file or already on the list', () => {
    const p = previewStudentCsv(
      `${header}\nAna,Lopez,Piano,2026-11-23,,Mon 09:00 60\nana,lopez,piano,2026-11-23,,Tue 09:00 60\nBo,Chen,Piano,2026-11-23,,Mon 10:00 60\n`,
      [{ firstName: 'Bo', lastName: 'Chen', course: 'Piano' }],
    );
    expect(p.rows.map((r) => r.errors)).toEqual([
      [],
      ['same student as line 2'],
      ['Bo Chen is already a student of Piano'],
    ]);
  });

  it('refuses a file without the columns', () => {
    expect(previewStudentCsv('name,day\nAna,Mon\n').fileErrors[0]).toContain(
      'missing: first_name, last_name, course, start_date, schedule',
    );
    expect(previewStudentCsv(`${header}\n`).fileErrors).toEqual(['The file has no student rows.']);
  });
});

describe('CSV files as people really send them', () => {
  // "Amélie" as Excel saves it on a French PC: é is the single byte 0xE9.
  const cp1252 = new Uint8Array([
    ...Buffer.from(`${header}\nAm`, 'latin1'),
    0xe9,
    ...Buffer.from('lie,Roux,Piano,2026-11-23,,Mon 09:00 60\n', 'latin1'),
  ]);

  it('reads a Windows-1252 file from Excel as such, so "Amélie" stays Amélie', () => {
    const { text, encoding } = decodeCsvBytes(cp1252);
    expect(encoding).toBe('windows-1252');
    expect(previewStudentCsv(text).rows[0].name).toBe('Amélie Roux');
    expect(decodeCsvBytes(new Uint8Array(Buffer.from(`\uFEFF${header}\nAmélie`, 'utf8')))).toEqual({
      text: `${header}\nAmélie`,
      encoding: 'utf-8',
    });
  });

  it('refuses text whose letters were already lost to a wrong decoding, instead of calling it Ready', () => {
    const p = previewStudentCsv(new TextDecoder('utf-8').decode(cp1252));
    expect(p.rows).toEqual([]);
    expect(p.fileProblems).toEqual([{ code: 'ENCODING', params: {} }]);
  });

  it('an unclosed quote is refused with the line it opens on, not swallowed into one row', () => {
    const p = previewStudentCsv(
      `${header}\nAna,Lopez,Piano,2026-11-23,,Mon 09:00 60\nBo,"Chen,Piano,2026-11-23,,Mon 10:00 60\nCy,Diaz,Piano,2026-11-23,,Tue 10:00 60\n`,
    );
    expect(p.fileProblems).toEqual([{ code: 'UNCLOSED_QUOTE', params: { line: 3 } }]);
    expect(p.fileErrors[0]).toContain('Line 3');
    // Doubled quotes inside a closed field are fine.
    expect(previewStudentCsv(`${header}\nAna,"Lo""pez",Piano,2026-11-23,,Mon 09:00 60\n`).fileProblems).toEqual([]);
  });

  it('accepts dd/mm/yyyy where the site writes dates day first, and says which form it expects', () => {
    const p = previewStudentCsv(
      `${header}\nAna,Lopez,Piano,23/11/2026,30.06.2027,Mon 09:00 60\nBo,Chen,Piano,11/23/2026,,Mon 10:00 60\n`,
      [],
      { dateOrder: slashDateOrderFor('Europe/Paris') },
    );
    expect(p.rows[0].student).toMatchObject({ startDate: '2026-11-23', endDate: '2027-06-30' });
    expect(p.rows[1].problems).toEqual([
      { code: 'BAD_DATE', params: { field: 'start_date', value: '11/23/2026', form: 'DD/MM/YYYY' } },
    ]);
    expect(slashDateOrderFor('America/New_York')).toBe('mdy');
    expect(csvDate('11/23/2026', 'mdy')).toBe('2026-11-23');
    expect(csvDate('31/02/2026', 'dmy')).toBeNull();
  });

  it('what the preview calls Ready passes the import schema itself: a 300-character course is an error in the preview', () => {
    const p = previewStudentCsv(
      `${header}\nAna,Lopez,${'P'.repeat(300)},2026-11-23,,Mon 09:00 60\nBo,Chen,Piano,2026-11-23,,Mon 10:00 60\n`,
    );
    expect(p.rows[0].problems).toEqual([{ code: 'TOO_LONG', params: { field: 'course', max: 120 } }]);
    expect(p.validCount).toBe(1);
    for (const r of p.rows) if (r.student) expect(studentFields.safeParse(r.student).success).toBe(true);
  });
});
