import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { defineMutation, type MutationAuthority } from '../../../shared/mutations/define.js';
import { checkAuthority, parseArgs, type Actor } from '../../../electron/core/mutations/mutation-runner.js';

const mutation = (authority: MutationAuthority) =>
  defineMutation({
    name: `test.${authority}`,
    version: 1,
    authority,
    args: z.object({ n: z.number().int().min(1) }).strict(),
    run: async () => undefined,
  });

const person = (permissions: string[]): Actor => ({ userId: 'u-1', permissions });
const nobody: Actor = { userId: null, permissions: [] };
const system: Actor = { userId: null, permissions: [], system: true };

/** The code `fn` threw, or 'OK'. */
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (err) {
    return err instanceof AppError ? err.code : 'NOT_AN_APP_ERROR';
  }
};

describe('who may run a mutation', () => {
  it('lets a person with the permission run it, and refuses one without with FORBIDDEN', () => {
    expect(codeOf(() => checkAuthority(mutation('settings.manage'), person(['settings.manage'])))).toBe('OK');
    expect(codeOf(() => checkAuthority(mutation('settings.manage'), person(['training.take'])))).toBe('FORBIDDEN');
  });

  it('refuses anything but device events with UNAUTHENTICATED when nobody is signed in', () => {
    expect(
      codeOf(() => checkAuthority(mutation('settings.manage'), { userId: null, permissions: ['settings.manage'] })),
    ).toBe('UNAUTHENTICATED');
    expect(codeOf(() => checkAuthority(mutation('session'), nobody))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => checkAuthority(mutation('device'), nobody))).toBe('OK');
  });

  it('lets any signed-in person run a session mutation', () => {
    expect(codeOf(() => checkAuthority(mutation('session'), person([])))).toBe('OK');
  });

  it('keeps system mutations for set-up, refusing even a person with every permission', () => {
    expect(
      codeOf(() => checkAuthority(mutation('system'), person(['users.manage', 'settings.manage', 'devices.manage']))),
    ).toBe('FORBIDDEN');
    expect(codeOf(() => checkAuthority(mutation('system'), nobody))).toBe('FORBIDDEN');
    expect(codeOf(() => checkAuthority(mutation('system'), system))).toBe('OK');
  });
});

describe('mutation args', () => {
  it('returns the parsed args when they match', () => {
    expect(parseArgs(mutation('session'), { n: 3 })).toEqual({ n: 3 });
  });

  it('refuses args that do not match with VALIDATION_FAILED and one issue per problem', () => {
    try {
      parseArgs(mutation('session'), { n: 0, extra: true });
      throw new Error('parsed');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe('VALIDATION_FAILED');
      const issues = (e.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues.length).toBe(2);
      expect(issues.map((i) => i.path)).toContain('n');
      expect(e.message).toContain('test.session');
    }
  });

  it('refuses args that are not an object at all', () => {
    for (const args of [null, undefined, 'n=1', [1], 7])
      expect(
        codeOf(() => parseArgs(mutation('session'), args)),
        String(args),
      ).toBe('VALIDATION_FAILED');
  });
});
