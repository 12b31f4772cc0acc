/**
 * A kitchen ticket's life: new -> in preparation -> ready -> served. "Bump" moves it one step on;
 * "recall" brings it one step back (a dish sent back, a bump by mistake): the one way the domain
 * lets this state machine go backwards.
 */
export const TICKET_STATUSES = ['new', 'preparing', 'ready', 'served'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const bumped = (s: TicketStatus): TicketStatus | null => TICKET_STATUSES[TICKET_STATUSES.indexOf(s) + 1] ?? null;
export const recalled = (s: TicketStatus): TicketStatus | null =>
  s === 'new' ? null : TICKET_STATUSES[TICKET_STATUSES.indexOf(s) - 1]!;

/** How long a ticket may wait before its colour changes, and before an unacknowledged one rings. */
export interface TicketTimings {
  warnAfterSeconds: number;
  lateAfterSeconds: number;
  alarmAfterSeconds: number;
}
export const DEFAULT_TIMINGS: TicketTimings = Object.freeze({
  warnAfterSeconds: 8 * 60,
  lateAfterSeconds: 15 * 60,
  alarmAfterSeconds: 60,
});

export type TicketAge = 'fresh' | 'warning' | 'late';

/** The colour band of a ticket sent at `sentAt`, by its age at `now` (both ISO instants). */
export function ticketAge(sentAt: string, now: string, t: TicketTimings = DEFAULT_TIMINGS): TicketAge {
  const s = (Date.parse(now) - Date.parse(sentAt)) / 1000;
  return s >= t.lateAfterSeconds ? 'late' : s >= t.warnAfterSeconds ? 'warning' : 'fresh';
}

/** A new ticket nobody has acknowledged (bumped into preparation) within the set time rings. */
export function ticketAlarm(
  ticket: { status: TicketStatus; sentAt: string },
  now: string,
  t: TicketTimings = DEFAULT_TIMINGS,
): boolean {
  return ticket.status === 'new' && (Date.parse(now) - Date.parse(ticket.sentAt)) / 1000 >= t.alarmAfterSeconds;
}
