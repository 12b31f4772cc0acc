import { AppError } from '../../../shared/errors.js';
import { siteCodeResponse } from '../../../shared/sync/protocol.js';

export interface SiteCode {
  code: string;
  expiresAt: string;
  /** The sync service's address the new kiosk enrols at (this kiosk's own shore). */
  server: string;
}

/**
 * Asks shore, over this kiosk's device token, for a one-time code for its site in the name of the
 * signed-in administrator (POST /v1/enrollment-codes). Shore checks the person again; a refusal
 * comes back with its code, an unreachable shore as INTERNAL `unreachable`.
 *
 * @example
 * const ask = createSiteCodeRequester({ serverUrl: () => url, token: () => meta.get('sync.token') });
 * const { code } = await ask(adminId, 60);
 */
export function createSiteCodeRequester(deps: {
  serverUrl: () => string;
  token: () => string | undefined;
}): (userId: string, ttlMinutes: number) => Promise<SiteCode> {
  return async (userId, ttlMinutes) => {
    const server = deps.serverUrl().replace(/\/$/, '');
    const token = deps.token();
    if (!token) throw new AppError('NOT_FOUND', 'This kiosk is not enrolled with shore, so it cannot make a code.');
    let res: Response;
    try {
      res = await fetch(`${server}/v1/enrollment-codes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userId, ttlMinutes }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new AppError(
        'INTERNAL',
        `Could not reach shore at ${server} for an enrolment code (${(err as Error).message}). A code needs the link to shore; try again when it is back.`,
        { reason: 'unreachable' },
      );
    }
    const json = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
        ?.error;
      const code = e?.code === 'FORBIDDEN' || e?.code === 'UNAUTHENTICATED' ? e.code : 'INTERNAL';
      throw new AppError(code, `Shore refused the enrolment code: ${e?.message ?? `HTTP ${res.status}`}`, {
        reason: e?.details?.reason,
      });
    }
    const body = siteCodeResponse.parse(json);
    return { ...body, server };
  };
}
