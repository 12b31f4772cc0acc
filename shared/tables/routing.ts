/**
 * Where each item is prepared. An item names its station or takes its category's; what names
 * neither goes to the main kitchen. `send` fires one ticket per station per course.
 */
export const STATIONS = ['kitchen', 'grill', 'cold', 'pastry', 'bar'] as const;
export type Station = (typeof STATIONS)[number];
export const DEFAULT_STATION: Station = 'kitchen';

export interface RoutableLine {
  id: string;
  itemStation: Station | null;
  categoryStation: Station | null;
  course: number;
}

export interface TicketPlan {
  station: Station;
  course: number;
  lineIds: string[];
}

export const stationOf = (l: Pick<RoutableLine, 'itemStation' | 'categoryStation'>): Station =>
  l.itemStation ?? l.categoryStation ?? DEFAULT_STATION;

/**
 * Groups the lines being sent into tickets: one per (station, course), in station order then
 * course, each keeping the lines in the order they were taken.
 *
 * @example routeTickets([{ id: 'a', itemStation: 'bar', categoryStation: null, course: 1 }])
 * // [{ station: 'bar', course: 1, lineIds: ['a'] }]
 */
export function routeTickets(lines: readonly RoutableLine[]): TicketPlan[] {
  const plans = new Map<string, TicketPlan>();
  for (const l of lines) {
    const station = stationOf(l);
    const key = `${station}|${l.course}`;
    let p = plans.get(key);
    if (!p) plans.set(key, (p = { station, course: l.course, lineIds: [] }));
    p.lineIds.push(l.id);
  }
  return [...plans.values()].sort(
    (a, b) => STATIONS.indexOf(a.station) - STATIONS.indexOf(b.station) || a.course - b.course,
  );
}
