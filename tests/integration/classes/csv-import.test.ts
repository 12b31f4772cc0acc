import { describe, expect, it } from 'vitest';
import { codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

const header = 'first_name,last_name,course,start_date,end_date,schedule';
const count = (sqlite: { prepare(s: string): { get(): unknown } }, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('student CSV import on a kiosk', () => {
  it('writes nothing while any row has an error, unless the valid rows only are chosen; then one transaction', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'manager');
    const csv = `${header}\nAna,Lopez,Piano,2026-11-23,,Mon 09:00 60\nTom,,Guitar,2026-11-23,,Mon 10:00 60\nInes,Haddad,Piano,2026-11-24,,mer 10:00 60; ven 10:00 60\n`;
    const preview = await kiosk.dispatcher.dispatch('classes.importPreview', { csv }, token);
    expect(preview.ok && preview.value.rows.map((r) => r.valid)).toEqual([true, false, true]);
    expect(count(kiosk.store.raw, 'students')).toBe(0);

    const all = await kiosk.dispatcher.dispatch('classes.importCommit', { csv, mode: 'all' }, token);
    expect(codeOf(all)).toBe('VALIDATION_FAILED');
    expect(!all.ok && all.error.message).toContain('Nothing was imported: 1 row has errors');
    expect(count(kiosk.store.raw, 'students')).toBe(0);
    expect(count(kiosk.store.raw, "outbox WHERE name LIKE 'classes.%'")).toBe(0);

    const valid = await kiosk.dispatcher.dispatch('classes.importCommit', { csv, mode: 'valid' }, token);
    expect(valid.ok && valid.value).toEqual({ created: 2, skippedRows: 1 });
    expect(count(kiosk.store.raw, 'students')).toBe(2);
    // Ana: Mondays 23, 30 Nov, 7 Dec; Ines: Wed and Fri from 25 Nov to 11 Dec.
    expect(count(kiosk.store.raw, 'classes')).toBe(3 + 6);

    // The same file again: every row is now a student already on the list.
    const again = await kiosk.dispatcher.dispatch('classes.importPreview', { csv }, token);
    expect(again.ok && again.value.rows.map((r) => r.problems.map((p) => p.code))).toEqual([
      ['KNOWN_STUDENT'],
      ['REQUIRED'],
      ['KNOWN_STUDENT'],
    ]);
  });

  it('"Import the valid rows only" imports them when a row has a 300-character course, which the preview calls an error', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'manager');
    const csv = `${header}\nAna,Lopez,${'P'.repeat(300)},23/11/2026,,Mon 09:00 60\nInes,Haddad,Piano,24/11/2026,,mer 10:00 60\n`;
    const preview = await kiosk.dispatcher.dispatch('classes.importPreview', { csv }, token);
    expect(preview.ok && preview.value.rows.map((r) => r.valid)).toEqual([false, true]);
    const valid = await kiosk.dispatcher.dispatch('classes.importCommit', { csv, mode: 'valid' }, token);
    expect(valid.ok && valid.value).toEqual({ created: 1, skippedRows: 1 });
    expect(count(kiosk.store.raw, 'students')).toBe(1);
  });
});
