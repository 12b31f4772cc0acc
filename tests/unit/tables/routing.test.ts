import { describe, expect, it } from 'vitest';
import { routeTickets, stationOf } from '../../../shared/tables/routing.js';
import { bumped, recalled, ticketAge, ticketAlarm } from '../../../shared/tables/ticket-flow.js';

describe('ticket routing', () => {
  it('an item goes to its own station, else its category station, else the kitchen', () => {
    expect(stationOf({ itemStation: 'grill', categoryStation: 'cold' })).toBe('grill');
    expect(stationOf({ itemStation: null, categoryStation: 'bar' })).toBe('bar');
    expect(stationOf({ itemStation: null, categoryStation: null })).toBe('kitchen');
  });

  it('one ticket per station and course, in station order, lines in the order taken', () => {
    const tickets = routeTickets([
      { id: 'wine', itemStation: null, categoryStation: 'bar', course: 1 },
      { id: 'steak', itemStation: 'grill', categoryStation: null, course: 2 },
      { id: 'soup', itemStation: null, categoryStation: null, course: 1 },
      { id: 'beer', itemStation: 'bar', categoryStation: null, course: 1 },
      { id: 'tart', itemStation: null, categoryStation: 'pastry', course: 3 },
      { id: 'salad', itemStation: null, categoryStation: null, course: 1 },
    ]);
    expect(tickets).toEqual([
      { station: 'kitchen', course: 1, lineIds: ['soup', 'salad'] },
      { station: 'grill', course: 2, lineIds: ['steak'] },
      { station: 'pastry', course: 3, lineIds: ['tart'] },
      { station: 'bar', course: 1, lineIds: ['wine', 'beer'] },
    ]);
  });
});

describe('a kitchen ticket', () => {
  it('bumps new -> preparing -> ready -> served, and recalls one step back', () => {
    expect(bumped('new')).toBe('preparing');
    expect(bumped('preparing')).toBe('ready');
    expect(bumped('ready')).toBe('served');
    expect(bumped('served')).toBeNull();
    expect(recalled('served')).toBe('ready');
    expect(recalled('preparing')).toBe('new');
    expect(recalled('new')).toBeNull();
  });

  it('changes colour with age and rings when nobody acknowledged it in time', () => {
    const sent = '2026-12-01T12:00:00.000Z';
    const at = (s: number) => new Date(Date.parse(sent) + s * 1000).toISOString();
    expect(ticketAge(sent, at(60))).toBe('fresh');
    expect(ticketAge(sent, at(8 * 60))).toBe('warning');
    expect(ticketAge(sent, at(15 * 60))).toBe('late');
    expect(ticketAlarm({ status: 'new', sentAt: sent }, at(59))).toBe(false);
    expect(ticketAlarm({ status: 'new', sentAt: sent }, at(60))).toBe(true);
    expect(ticketAlarm({ status: 'preparing', sentAt: sent }, at(600))).toBe(false);
  });
});
