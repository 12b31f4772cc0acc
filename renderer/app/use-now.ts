import { useEffect, useState } from 'react';

/**
 * The wall-clock time for a screen, re-read every `everyMs`: a render must not read the clock
 * itself (React may render twice, or not again for minutes), and a "locked until 14:05" label has
 * to go away by itself once that time has passed.
 *
 * @example
 * const now = useNow();
 * const locked = lockedUntil !== null && Date.parse(lockedUntil) > now;
 */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(handle);
  }, [everyMs]);
  return now;
}
