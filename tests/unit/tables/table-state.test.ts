import { describe, expect, it } from 'vitest';
import { tableState, type TableFacts } from '../../../shared/tables/table-state.js';

const open = (f: Partial<TableFacts>): TableFacts => ({
  open: true,
  lines: [],
  ticketStatuses: [],
  paidCents: 0,
  dueCents: 0,
  ...f,
});

describe('a table tile on the floor', () => {
  it('is free without an open session and seated with nothing ordered', () => {
    expect(tableState({ ...open({}), open: false })).toBe('free');
    expect(tableState(open({}))).toBe('seated');
  });
  it('is ordered while items wait to be sent, sent while the kitchen has them, ready when a ticket is', () => {
    expect(tableState(open({ lines: [{ status: 'pending' }], dueCents: 800 }))).toBe('ordered');
    expect(tableState(open({ lines: [{ status: 'sent' }], ticketStatuses: ['preparing'], dueCents: 800 }))).toBe(
      'sent',
    );
    expect(
      tableState(open({ lines: [{ status: 'sent' }, { status: 'pending' }], ticketStatuses: ['ready'], dueCents: 1 })),
    ).toBe('ready');
  });
  it('is paying once part of the bill is paid, and paid when nothing is due', () => {
    expect(
      tableState(open({ lines: [{ status: 'sent' }], ticketStatuses: ['served'], paidCents: 500, dueCents: 300 })),
    ).toBe('paying');
    expect(tableState(open({ lines: [{ status: 'sent' }], ticketStatuses: ['served'], paidCents: 800 }))).toBe('paid');
  });
});
