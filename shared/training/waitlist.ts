/**
 * Seats of a classroom session. A seat once given is kept: a request gets a seat only while fewer
 * than `capacity` people hold one, otherwise it waits. When a seat frees, the waiting request made
 * first (request time, then id) takes it. On the server these decisions happen in commit order,
 * so two kiosks that both gave away the last seat offline end with one seat and one waiting.
 */
export interface SeatHolder {
  id: string;
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  requestedAt: string;
}

const byRequest = (a: SeatHolder, b: SeatHolder) =>
  a.requestedAt === b.requestedAt ? a.id.localeCompare(b.id) : a.requestedAt < b.requestedAt ? -1 : 1;

/** What a new request gets, given the others. */
export function seatFor(others: readonly SeatHolder[], capacity: number): 'enrolled' | 'waitlisted' {
  return others.filter((r) => r.status === 'enrolled').length < capacity ? 'enrolled' : 'waitlisted';
}

/** The waiting requests that take the free seats, in order. */
export function promotions(rows: readonly SeatHolder[], capacity: number): string[] {
  const free = capacity - rows.filter((r) => r.status === 'enrolled').length;
  if (free <= 0) return [];
  return rows
    .filter((r) => r.status === 'waitlisted')
    .sort(byRequest)
    .slice(0, free)
    .map((r) => r.id);
}

/** 1-based place of each waiting request. */
export function waitlistPositions(rows: readonly SeatHolder[]): Map<string, number> {
  return new Map(
    rows
      .filter((r) => r.status === 'waitlisted')
      .sort(byRequest)
      .map((r, i) => [r.id, i + 1]),
  );
}
