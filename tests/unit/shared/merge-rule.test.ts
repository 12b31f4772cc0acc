import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc } from '../../../shared/hlc.js';
import { madeAt, mergeFields } from '../../../shared/sync/merge-rule.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (ms: number, node = 'kiosk-a', counter = 0) => encodeHlc({ wall: ms, counter, node });

describe('when an edit was made', () => {
  it('is the HLC of a kiosk with a right clock, as it is', () => {
    expect(madeAt(at(T0 - 10 * MIN), { clockOffsetMs: 0, receivedAt: T0 })).toBe(at(T0 - 10 * MIN));
  });

  it('is moved by the clock offset the service measured for that kiosk', () => {
    // Five days behind, edit made ten minutes before the push reached shore.
    expect(madeAt(at(T0 - 5 * DAY - 10 * MIN), { clockOffsetMs: -5 * DAY, receivedAt: T0 })).toBe(at(T0 - 10 * MIN));
    // Two hours ahead: brought back by two hours.
    expect(madeAt(at(T0 + 2 * 60 * MIN - 10 * MIN), { clockOffsetMs: 2 * 60 * MIN, receivedAt: T0 })).toBe(
      at(T0 - 10 * MIN),
    );
  });

  it('is never later than the moment the service received the edit', () => {
    // A clock three days ahead whose offset was not measured (or measured wrong) wins nothing beyond receive time.
    expect(decodeHlc(madeAt(at(T0 + 3 * DAY), { clockOffsetMs: 0, receivedAt: T0 })).wall).toBe(T0);
  });

  it('keeps the counter and the kiosk, so two edits in one millisecond still order the same everywhere', () => {
    const t = decodeHlc(madeAt(at(T0 + DAY, 'kiosk-b', 7), { clockOffsetMs: DAY, receivedAt: T0 + 5 }));
    expect(t).toEqual({ wall: T0, counter: 7, node: 'kiosk-b' });
  });
});

describe('merging one edit of a row, field by field', () => {
  const current = { course: 'French B1', first_name: 'Ana', last_name: 'Ribeiro' };
  const stamps: Record<string, string> = {
    course: at(T0 + 5 * MIN, 'shore'),
    first_name: at(T0, 'kiosk-a'),
    last_name: at(T0, 'kiosk-a'),
  };
  const stampOf = (f: string) => stamps[f] ?? null;

  it('lets an edit made later change the field, stamped with its own time', () => {
    const m = mergeFields({ patch: { course: 'French B2' }, at: at(T0 + 9 * MIN) }, current, stampOf);
    expect(m).toEqual({ apply: { course: 'French B2' }, stamps: { course: at(T0 + 9 * MIN) }, lost: [] });
  });

  it('keeps the value of an edit made later than this one, and reports this edit as lost', () => {
    // Made offline at minute 2, reaching shore after the shore edit of minute 5.
    const m = mergeFields({ patch: { course: 'Spanish A1' }, at: at(T0 + 2 * MIN) }, current, stampOf);
    expect(m.apply).toEqual({});
    expect(m.lost).toEqual([
      { field: 'course', mine: 'Spanish A1', kept: 'French B1', keptAt: at(T0 + 5 * MIN, 'shore') },
    ]);
  });

  it('still applies the fields of that same edit nobody changed later', () => {
    const m = mergeFields(
      { patch: { course: 'Spanish A1', first_name: 'Anna' }, at: at(T0 + 2 * MIN) },
      current,
      stampOf,
    );
    expect(m.apply).toEqual({ first_name: 'Anna' });
    expect(m.lost.map((l) => l.field)).toEqual(['course']);
  });

  it('does not count a field set to the value it already has as an edit: nothing applied, stamped or lost', () => {
    const m = mergeFields(
      { patch: { course: 'French B1', last_name: 'Ribeiro' }, at: at(T0 + 2 * MIN) },
      current,
      stampOf,
    );
    expect(m).toEqual({ apply: {}, stamps: {}, lost: [] });
  });

  it('treats a field with no stamp as written long ago', () => {
    const m = mergeFields({ patch: { end_date: '2027-01-01' }, at: at(T0) }, { end_date: null }, () => null);
    expect(m.apply).toEqual({ end_date: '2027-01-01' });
  });

  it('compares values as both databases return them (a number as text, a date as Date)', () => {
    const m = mergeFields(
      { patch: { n: 3, when: '2026-11-22T09:00:00.000Z' }, at: at(T0) },
      { n: '3', when: new Date(T0) },
      () => null,
    );
    expect(m.apply).toEqual({});
  });
});
