/**
 * Jittered exponential backoff for reconnects ("equal jitter"): the delay grows as
 * `base * 2^attempt` up to `max`, and half of it is random so a kitchen full of kiosks that lost
 * the same host does not reconnect in lockstep.
 *
 * @example
 * reconnectDelay(3, Math.random) // between 2000 and 4000 ms with the defaults
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

export function reconnectDelay(
  attempt: number,
  random: () => number,
  { baseMs = 500, maxMs = 30_000 }: BackoffOptions = {},
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}
