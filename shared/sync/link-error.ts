/**
 * Why the last sync with shore failed, as a stable code the Sync screen says in words: the raw
 * text ("fetch failed", "HTTP 502") tells a ship's crew nothing. The classifier looks at what a
 * failed cycle throws: an answer's HTTP status, or Node's fetch errors.
 *
 * @example
 * linkErrorCode(new TypeError('fetch failed')); // 'unreachable'
 * linkErrorCode(Object.assign(new Error('UNAUTHENTICATED: ...'), { status: 401 })); // 'device_unknown'
 */
export const LINK_ERROR_CODES = [
  'unreachable',
  'timeout',
  'device_unknown',
  'rate_limited',
  'too_large',
  'server_error',
  'refused',
  'other',
] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];

export function linkErrorCode(err: unknown): LinkErrorCode {
  const e = (err ?? {}) as { status?: unknown; name?: unknown; message?: unknown; cause?: { code?: unknown } };
  if (typeof e.status === 'number') {
    if (e.status === 401 || e.status === 403) return 'device_unknown';
    if (e.status === 429) return 'rate_limited';
    if (e.status === 413) return 'too_large';
    if (e.status >= 500) return 'server_error';
    return 'refused';
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  const cause = typeof e.cause?.code === 'string' ? e.cause.code : '';
  if (cause === 'UND_ERR_CONNECT_TIMEOUT' || cause === 'ETIMEDOUT') return 'timeout';
  if (e.name === 'TypeError' && e.message === 'fetch failed') return 'unreachable';
  if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE|UND_ERR_SOCKET)$/.test(cause))
    return 'unreachable';
  return 'other';
}
