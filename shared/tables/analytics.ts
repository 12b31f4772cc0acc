import { addDays, instantAt, siteClock } from '../classes/site-time.js';
import { bucketIndex, siteBuckets } from '../domain/time-buckets.js';
import { lineTotalCents, type BillLine } from './money.js';
import { PAYMENT_METHODS } from './payment-mutations.js';
import { TICKET_STATUSES } from './ticket-flow.js';
import type { KitchenTicketRow, PaymentRow } from './schema.js';

export const SALES_PERIODS = ['today', 'week', 'month'] as const;
export type SalesPeriod = (typeof SALES_PERIODS)[number];
/** Site days each period covers, today included. */
export const PERIOD_DAYS: Readonly<Record<SalesPeriod, number>> = Object.freeze({ today: 1, week: 7, month: 30 });

/** What the figures read of a line: its bill line, what was ordered, and when. */
export interface SalesLine {
  bill: BillLine;
  itemId: string;
  nameEn: string;
  nameFr: string;
  /** The line was sent to the kitchen (pending lines are not sales yet). */
  sent: boolean;
  at: number;
}

export interface SalesFigures {
  period: SalesPeriod;
  /** Takings (payments, tips apart) per hour of the last 24 and per day of the last 30, in cents. */
  byHour: { label: string; cents: number }[];
  byDay: { label: string; cents: number }[];
  /** Within the period: */
  takenCents: number;
  tipsCents: number;
  bills: number;
  averageBillCents: number | null;
  methods: Record<(typeof PAYMENT_METHODS)[number], number>;
  /** The ten items sold most, by portions, with what they brought in. */
  items: { itemId: string; nameEn: string; nameFr: string; quantity: number; cents: number }[];
  /** Mean minutes from sending a ticket to the kitchen to its being ready, over the tickets ready in the period. */
  ticketMinutes: number | null;
  ticketsReady: number;
  ticketsByStatus: Record<(typeof TICKET_STATUSES)[number], number>;
  voids: { count: number; cents: number };
  comps: { count: number; cents: number };
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const HOURS = 24;
const DAYS = 30;

/** What a voided or comped line would have cost: the value given away or taken back. */
const lineValue = (l: BillLine) => lineTotalCents({ ...l, voided: false, comped: false });

/**
 * The owner's figures for table service, from synced rows only (payments, sent lines, kitchen
 * tickets), so every kiosk of the site shows the same ones offline. Money is integer cents; a
 * payment counts in the hour and day it was recorded, in the site's wall clock.
 *
 * @example salesFigures({ payments, lines, tickets }, { now, timeZone: 'Europe/Paris', period: 'today' }).takenCents
 */
export function salesFigures(
  input: {
    payments: readonly Pick<PaymentRow, 'session_id' | 'amount_cents' | 'tip_cents' | 'method' | 'created_at'>[];
    lines: readonly SalesLine[];
    tickets: readonly Pick<KitchenTicketRow, 'status' | 'sent_at' | 'ready_at'>[];
  },
  opts: { now: number; timeZone: string; period: SalesPeriod },
): SalesFigures {
  const { now, timeZone, period } = opts;
  const today = siteClock(now, timeZone).date;
  const since = Date.parse(instantAt(addDays(today, 1 - PERIOD_DAYS[period]), '00:00', timeZone));
  const inPeriod = (t: number) => t >= since && t <= now;

  const hours = siteBuckets('hour', HOURS, now, timeZone);
  const days = siteBuckets('day', DAYS, now, timeZone);
  const hourStarts = hours.map((b) => b.start);
  const dayStarts = days.map((b) => b.start);
  const byHour = hours.map((b) => ({ label: b.label, cents: 0 }));
  const byDay = days.map((b) => ({ label: b.label, cents: 0 }));

  let takenCents = 0;
  let tipsCents = 0;
  const sessions = new Set<string>();
  const methods = zeros(PAYMENT_METHODS);
  for (const p of input.payments) {
    const t = Date.parse(p.created_at);
    if (t > now) continue;
    const h = bucketIndex(hourStarts, t);
    if (h >= 0) byHour[h]!.cents += p.amount_cents;
    const d = bucketIndex(dayStarts, t);
    if (d >= 0) byDay[d]!.cents += p.amount_cents;
    if (!inPeriod(t)) continue;
    takenCents += p.amount_cents;
    tipsCents += p.tip_cents;
    methods[p.method] += p.amount_cents;
    sessions.add(p.session_id);
  }

  const items = new Map<string, SalesFigures['items'][number]>();
  const voids = { count: 0, cents: 0 };
  const comps = { count: 0, cents: 0 };
  for (const l of input.lines) {
    if (!l.sent || !inPeriod(l.at)) continue;
    if (l.bill.voided) {
      voids.count++;
      voids.cents += lineValue(l.bill);
      continue;
    }
    if (l.bill.comped) {
      comps.count++;
      comps.cents += lineValue(l.bill);
    }
    const seen = items.get(l.itemId) ?? { itemId: l.itemId, nameEn: l.nameEn, nameFr: l.nameFr, quantity: 0, cents: 0 };
    seen.quantity += l.bill.quantity;
    seen.cents += lineTotalCents(l.bill);
    items.set(l.itemId, seen);
  }

  let readyMs = 0;
  let ready = 0;
  const ticketsByStatus = zeros(TICKET_STATUSES);
  for (const k of input.tickets) {
    const sent = Date.parse(k.sent_at);
    if (!inPeriod(sent)) continue;
    ticketsByStatus[k.status]++;
    if (k.ready_at !== null) {
      readyMs += Math.max(0, Date.parse(k.ready_at) - sent);
      ready++;
    }
  }

  return {
    period,
    byHour,
    byDay,
    takenCents,
    tipsCents,
    bills: sessions.size,
    averageBillCents: sessions.size ? Math.round(takenCents / sessions.size) : null,
    methods,
    items: [...items.values()]
      .sort((a, b) => b.quantity - a.quantity || b.cents - a.cents || a.itemId.localeCompare(b.itemId))
      .slice(0, 10),
    ticketMinutes: ready ? readyMs / ready / 60_000 : null,
    ticketsReady: ready,
    ticketsByStatus,
    voids,
    comps,
  };
}
