import { describe, expect, it } from 'vitest';
import { pullResponse, pushRequest } from '../../../shared/sync/protocol.js';

const page = (row: unknown, table = 'audit_log') => ({ changes: [{ table, row }], site: 3, org: 0, more: false });

describe('the sync protocol', () => {
  it('takes a pulled row that is an object of column values', () => {
    expect(pullResponse.parse(page({ id: 'a', site_id: null })).changes[0].row).toEqual({ id: 'a', site_id: null });
  });

  it.each([
    ['an array', ['a']],
    ['a string', 'row'],
    ['null', null],
  ])('refuses a pulled row that is %s, saying what a row must be', (_, row) => {
    const res = pullResponse.safeParse(page(row));
    expect(res.success).toBe(false);
    expect(res.error?.issues[0].message).toMatch(/object of column values/);
  });

  it('refuses a pulled row of a table that is not synced', () => {
    expect(pullResponse.safeParse(page({ id: 'a' }, 'sqlite_master')).success).toBe(false);
  });

  it('refuses a push naming a site, and one with more mutations than a batch may hold', () => {
    expect(pushRequest.safeParse({ clientTime: 1, mutations: [], siteId: 'x' }).success).toBe(false);
    const m = (seq: number) => ({
      seq,
      name: 'audit.recordAuthEvent',
      version: 1,
      args: {},
      hlc: '0'.repeat(30),
      userId: null,
    });
    expect(
      pushRequest.safeParse({ clientTime: 1, mutations: Array.from({ length: 2000 }, (_, i) => m(i + 1)) }).success,
    ).toBe(true);
    expect(
      pushRequest.safeParse({ clientTime: 1, mutations: Array.from({ length: 2001 }, (_, i) => m(i + 1)) }).success,
    ).toBe(false);
  });
});
