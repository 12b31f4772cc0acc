import { z } from 'zod';
import {
  contract,
  isMethodName,
  maxRequestBytesOf,
  type Contract,
  type MethodName,
  type MethodOutput,
} from '../../../shared/api/contract.js';
import { fieldProblemsFromZod } from '../../../shared/domain/field-problems.js';
import { AppError, fail, ok, toErrorData, type Result } from '../../../shared/errors.js';
import { can, isPermission } from '../../../shared/permissions.js';
import type { AuthService, SignedIn } from '../auth/auth-service.js';

export interface CallContext {
  token: string | null;
  /** Present for every method whose access is not `public`. */
  signedIn?: SignedIn;
}

export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>, ctx: CallContext) => Promise<MethodOutput<M>>;
};

export interface Dispatcher {
  /** Typed for a method of the contract; any string is accepted and refused at run time if unknown. */
  dispatch<M extends MethodName>(method: M, input: unknown, token: string | null): Promise<Result<MethodOutput<M>>>;
  dispatch(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
}

export interface DispatcherDeps {
  handlers: Handlers;
  auth: AuthService;
  log?: { error(obj: unknown, msg?: string): void };
  /** Told of every unexpected error (not an AppError) a handler threw: the kiosk's error log. */
  onUnexpected?: (err: unknown, method: string) => void;
}

/**
 * The one door into the core for both transports. Only methods in the contract exist (the
 * allow-list); input is validated before anything runs; access is checked against the session's
 * live permissions; every failure comes back as data with a stable code.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  return {
    // The overloads only narrow the result type for callers; at run time every answer is a Result.
    async dispatch(method: string, input: unknown, token: string | null): Promise<Result<any>> {
      // eslint-disable-line @typescript-eslint/no-explicit-any
      if (typeof method !== 'string' || !isMethodName(method)) {
        return fail('UNKNOWN_METHOD', `There is no "${String(method).slice(0, 100)}" in the Shiftdeck API.`);
      }
      const spec = contract[method];
      try {
        // Bytes, not characters: 'é' is one character of JSON but two bytes on the wire.
        const limit = maxRequestBytesOf(method);
        if (Buffer.byteLength(JSON.stringify(input ?? null)) > limit) {
          return fail(
            'PAYLOAD_TOO_LARGE',
            `The request is larger than ${Math.floor(limit / 1024)} KiB; nothing was saved.`,
            {
              maxBytes: limit,
            },
          );
        }
      } catch {
        return fail('VALIDATION_FAILED', 'The request could not be read as JSON; nothing was saved.');
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail('VALIDATION_FAILED', `Some details are not valid: ${z.prettifyError(parsed.error)}`, {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          // What the kiosk translates to name the field ("Title: at most 120 characters").
          problems: fieldProblemsFromZod(parsed.error.issues),
        });
      }
      try {
        const ctx: CallContext = { token };
        if (spec.access !== 'public') {
          ctx.signedIn = await deps.auth.resolve(token, spec.touchesSession !== false);
          if (isPermission(spec.access) && !can(ctx.signedIn.person.permissions, spec.access)) {
            throw new AppError(
              'FORBIDDEN',
              `Your role (${ctx.signedIn.person.roleName.en}) may not do this; it needs "${spec.access}". Ask a supervisor.`,
              { permission: spec.access },
            );
          }
        }
        const handler = deps.handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
        return ok(await handler(parsed.data, ctx));
      } catch (err) {
        if (!(err instanceof AppError)) {
          deps.log?.error({ err, method }, 'handler failed');
          deps.onUnexpected?.(err, method);
        }
        return { ok: false, error: toErrorData(err) };
      }
    },
  };
}
