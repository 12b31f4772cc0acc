import { describe, expect, it } from 'vitest';
import { linkErrorCode } from '../../../shared/sync/link-error.js';
import { pendingKindOf, summarisePending } from '../../../shared/sync/pending-summary.js';

describe('why a sync failed, as a code', () => {
  it('reads Node fetch failures and service answers', () => {
    expect(linkErrorCode(new TypeError('fetch failed'))).toBe('unreachable');
    expect(linkErrorCode(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'unreachable',
    );
    expect(
      linkErrorCode(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })),
    ).toBe('timeout');
    expect(linkErrorCode(Object.assign(new Error('UNAUTHENTICATED: revoked'), { status: 401 }))).toBe('device_unknown');
    expect(linkErrorCode(Object.assign(new Error('RATE_LIMITED'), { status: 429 }))).toBe('rate_limited');
    expect(linkErrorCode(Object.assign(new Error('HTTP 502'), { status: 502 }))).toBe('server_error');
    expect(linkErrorCode(Object.assign(new Error('VALIDATION_FAILED'), { status: 400 }))).toBe('refused');
    expect(linkErrorCode('something odd')).toBe('other');
  });
});

describe('what waits, by kind', () => {
  it('groups mutations by what they change, in a fixed order', () => {
    expect(pendingKindOf('classes.updateStudent')).toBe('classes');
    expect(pendingKindOf('users.setRole')).toBe('people');
    expect(pendingKindOf('assessment.submit')).toBe('training');
    expect(pendingKindOf('weird')).toBe('other');
    expect(
      summarisePending([
        { name: 'users.rename', count: 1 },
        { name: 'classes.setStatus', count: 1 },
        { name: 'classes.generate', count: 1 },
      ]),
    ).toEqual([
      { kind: 'classes', count: 2 },
      { kind: 'people', count: 1 },
    ]);
  });
});
