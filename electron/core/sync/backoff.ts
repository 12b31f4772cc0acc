/**
 * Reconnect delays: exponential with full jitter, so a fleet of kiosks coming back after a
 * satellite outage does not knock on the server in step.
 *
 * @example backoffDelay(3, Math.random) // somewhere in [0, 8 s)
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, capMs = 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
