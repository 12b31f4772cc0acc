import type { Transport } from '../../../shared/api/client.js';
import type { CoreEvent } from '../../../shared/api/contract.js';
import type { ErrorCode, Result } from '../../../shared/errors.js';

type Handler = (input: unknown, token: string | null) => Result<unknown> | Promise<Result<unknown>>;

/**
 * A Transport for store tests: answers each method from a handler table, records every call with
 * its token, and lets the test push core events.
 */
export function createFakeTransport(handlers: Record<string, Handler> = {}) {
  const calls: { method: string; input: unknown; token: string | null }[] = [];
  const listeners = new Set<(e: CoreEvent) => void>();
  const transport: Transport = {
    async invoke(method, input, token) {
      calls.push({ method, input, token });
      const h = handlers[method];
      return h ? h(input, token) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no fake for ${method}` } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    transport,
    calls,
    handlers,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    emit: (event: CoreEvent) => listeners.forEach((l) => l(event)),
    listenerCount: () => listeners.size,
  };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message: `English ${code}`, details } : { code, message: `English ${code}` },
});

export const USERS = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'Camille Martin',
    roleCode: 'manager',
    roleName: { en: 'Manager', fr: 'Gérant' },
    lockedUntil: null,
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    displayName: 'Emma Dubois',
    roleCode: 'staff',
    roleName: { en: 'Staff', fr: 'Employé' },
    lockedUntil: null,
  },
];

export function sessionFor(user = USERS[0], token = 'tok-1', state: 'active' | 'locked' = 'active') {
  return {
    token,
    user: {
      id: user.id,
      displayName: user.displayName,
      locale: 'fr' as const,
      roleCode: user.roleCode,
      roleName: user.roleName,
      permissions: ['training.take', 'audit.view'] as const,
    },
    state,
    startedAt: '2026-01-01T08:00:00.000Z',
    expiresAt: '2026-01-01T16:00:00.000Z',
    idleLockSeconds: 120,
  };
}

export const STATUS = {
  online: false,
  pendingCount: 3,
  oldestPendingAt: '2026-01-01T07:55:00.000Z',
  lastSyncAt: null,
  lastError: null,
  conflictCount: 0,
  deadLetterCount: 1,
  pendingByKind: [
    { kind: 'classes' as const, count: 2 },
    { kind: 'people' as const, count: 1 },
  ],
  links: [],
  deviceUnknown: false,
  deviceRevoked: false,
};

/** Lets pending promise callbacks run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
