/** A session lasts at most 8 hours, and locks after the site's idle time with nobody touching it. */
export const SESSION_MAX_MS = 8 * 60 * 60 * 1000;

export interface SessionTimes {
  startedAt: number;
  lastActivityAt: number;
}

export type SessionVerdict = 'active' | 'idle' | 'expired';

export function judgeSession(s: SessionTimes, now: number, idleLockSeconds: number): SessionVerdict {
  if (now - s.startedAt >= SESSION_MAX_MS) return 'expired';
  if (now - s.lastActivityAt >= idleLockSeconds * 1000) return 'idle';
  return 'active';
}
