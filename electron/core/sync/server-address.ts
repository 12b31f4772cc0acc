/**
 * Which sync service an enrolled kiosk talks to. The address given at start (`--server`) wins over
 * the one stored at enrollment: a person who types it means it (the service moved, a new link).
 * The device token stays, so a service that does not know this kiosk refuses it, visibly.
 *
 * @example
 * syncServerAddress('http://10.0.0.5:7400', 'http://shore.example:7400')
 * // { url: 'http://shore.example:7400', previous: 'http://10.0.0.5:7400' }
 */
export function syncServerAddress(stored: string | undefined, given: string): { url: string; previous: string | null } {
  const norm = (u: string) => u.replace(/\/+$/, '');
  if (!stored || norm(stored) === norm(given)) return { url: stored ?? given, previous: null };
  return { url: given, previous: stored };
}
