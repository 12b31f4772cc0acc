/**
 * What a table's tile on the floor says, from its open session: free, seated (nothing ordered),
 * ordered (items taken, not sent), sent (waiting for the kitchen), ready (a ticket to pick up),
 * paying (part of the bill paid) and paid (nothing due: close it).
 */
export const TABLE_STATES = ['free', 'seated', 'ordered', 'sent', 'ready', 'paying', 'paid'] as const;
export type TableState = (typeof TABLE_STATES)[number];

export interface TableFacts {
  open: boolean;
  /** Live lines (not removed), with their kitchen state. */
  lines: { status: 'pending' | 'sent' | 'void' }[];
  ticketStatuses: string[];
  paidCents: number;
  dueCents: number;
}

/** Money first (a table being paid is what the floor must see), then the kitchen, then the order. */
export function tableState(f: TableFacts): TableState {
  if (!f.open) return 'free';
  if (f.paidCents > 0) return f.dueCents === 0 ? 'paid' : 'paying';
  if (f.ticketStatuses.some((s) => s === 'ready')) return 'ready';
  if (f.lines.some((l) => l.status === 'pending')) return 'ordered';
  if (f.ticketStatuses.some((s) => s === 'new' || s === 'preparing')) return 'sent';
  if (f.lines.length > 0 && f.ticketStatuses.length > 0) return 'sent';
  return 'seated';
}
