import type { Kysely, Selectable } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { billLineOf, parseModifiers, sessionLines, sessionPayments } from '../../../shared/tables/bill-rows.js';
import { billTotalCents, lineTotalCents } from '../../../shared/tables/money.js';
import { stationOf, STATIONS, type Station } from '../../../shared/tables/routing.js';
import { balanceDue } from '../../../shared/tables/split.js';
import { tableState, type TableState } from '../../../shared/tables/table-state.js';
import type { TicketStatus } from '../../../shared/tables/ticket-flow.js';
import type { Allergen } from '../../../shared/tables/allergens.js';
import { expectedCashCents, serviceSettingId } from '../../../shared/tables/service-mutations.js';
import { salesFigures, type SalesFigures, type SalesPeriod } from '../../../shared/tables/analytics.js';
import type { OrderLineRow } from '../../../shared/tables/schema.js';

const asStation = (s: string | null): Station | null =>
  s !== null && (STATIONS as readonly string[]).includes(s) ? (s as Station) : null;
const list = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
const names = (m: { nameEn: string; nameFr: string }) => ({ en: m.nameEn, fr: m.nameFr });

/**
 * The kitchen tickets of a session's order: those sent from it and those its lines point to. A
 * merge moves lines to the other session but leaves their tickets with the one they were sent from.
 */
async function ticketsOf(
  db: Kysely<SyncedDatabase>,
  siteId: string,
  sessionId: string,
  lines: readonly { ticket_id: string | null }[],
) {
  const ids = [...new Set(lines.map((l) => l.ticket_id).filter((id): id is string => id !== null))];
  return db
    .selectFrom('kitchen_tickets')
    .select(['id', 'status'])
    .where('site_id', '=', siteId)
    .where((eb) =>
      ids.length ? eb.or([eb('session_id', '=', sessionId), eb('id', 'in', ids)]) : eb('session_id', '=', sessionId),
    )
    .execute();
}

/** The floor plan with each table's state, derived from its open session, lines and tickets. */
export async function readFloor(db: Kysely<SyncedDatabase>, siteId: string) {
  const areas = await db
    .selectFrom('floor_areas')
    .select(['id', 'name'])
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const tables = await db
    .selectFrom('dining_tables')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const open = await db
    .selectFrom('table_sessions as s')
    .leftJoin('users as u', 'u.id', 's.waiter_id')
    .select(['s.id', 's.table_id', 's.guests', 's.opened_at', 'u.display_name'])
    .where('s.site_id', '=', siteId)
    .where('s.status', '=', 'open')
    .where('s.deleted_at', 'is', null)
    .execute();
  const out = [];
  for (const t of tables) {
    const s = open.find((o) => o.table_id === t.id);
    let state: TableState = 'free';
    if (s) {
      const lines = await sessionLines(db, siteId, s.id);
      const tickets = await ticketsOf(db, siteId, s.id, lines);
      const paid = (await sessionPayments(db, siteId, s.id)).map((p) => p.amount_cents);
      const total = billTotalCents(lines.map(billLineOf));
      state = tableState({
        open: true,
        lines,
        ticketStatuses: tickets.map((k) => k.status),
        paidCents: paid.reduce((a, b) => a + b, 0),
        dueCents: balanceDue(total, paid),
      });
    }
    out.push({
      id: t.id,
      areaId: t.area_id,
      label: t.label,
      seats: t.seats,
      state,
      session: s ? { id: s.id, guests: s.guests, waiterName: s.display_name, openedAt: s.opened_at } : null,
    });
  }
  return { areas, tables: out, acceptingOrders: await acceptingOrders(db, siteId) };
}

/** Whether the restaurant takes orders (no setting yet: it does). */
export async function acceptingOrders(db: Kysely<SyncedDatabase>, siteId: string): Promise<boolean> {
  const row = await db
    .selectFrom('service_settings')
    .select('accepting_orders')
    .where('id', '=', serviceSettingId(siteId))
    .executeTakeFirst();
  return row ? row.accepting_orders === 1 : true;
}

/** The service day: taking orders or not, the open shift with the cash expected now, the last closed shifts. */
export async function readService(db: Kysely<SyncedDatabase>, siteId: string, now: string) {
  const shifts = await db
    .selectFrom('service_shifts as s')
    .leftJoin('users as o', 'o.id', 's.opened_by')
    .leftJoin('users as c', 'c.id', 's.closed_by')
    .selectAll('s')
    .select(['o.display_name as opened_by_name', 'c.display_name as closed_by_name'])
    .where('s.site_id', '=', siteId)
    .orderBy('s.opened_at', 'desc')
    .limit(11)
    .execute();
  const open = shifts.find((x) => x.closed_at === null);
  return {
    acceptingOrders: await acceptingOrders(db, siteId),
    open: open
      ? {
          id: open.id,
          openedAt: open.opened_at,
          openedBy: open.opened_by_name,
          floatCents: open.float_cents,
          expectedCents: await expectedCashCents({ db, siteId }, open, now),
        }
      : null,
    recent: shifts
      .filter((x) => x.closed_at !== null)
      .slice(0, 10)
      .map((x) => ({
        id: x.id,
        openedAt: x.opened_at,
        closedAt: x.closed_at!,
        closedBy: x.closed_by_name,
        floatCents: x.float_cents,
        countedCents: x.counted_cents ?? 0,
        expectedCents: x.expected_cents ?? 0,
        differenceCents: x.difference_cents ?? 0,
        note: x.note,
      })),
  };
}

export async function readMenu(db: Kysely<SyncedDatabase>, siteId: string) {
  const categories = await db
    .selectFrom('menu_categories')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const items = await db
    .selectFrom('menu_items')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('name_en')
    .execute();
  return {
    categories: categories.map((c) => ({ id: c.id, name: { en: c.name_en, fr: c.name_fr } })),
    items: items.map((i) => ({
      id: i.id,
      categoryId: i.category_id,
      name: { en: i.name_en, fr: i.name_fr },
      priceCents: i.price_cents,
      allergens: list(i.allergens) as Allergen[],
      modifiers: parseModifiers(i.modifiers).map((m) => ({ id: m.id, name: names(m), priceCents: m.priceCents })),
      station: stationOf({
        itemStation: asStation(i.station),
        categoryStation: asStation(categories.find((c) => c.id === i.category_id)?.station ?? null),
      }),
      available: i.available === 1,
    })),
  };
}

/** A table's order and bill: lines with their kitchen state, what is paid and what is due. */
export async function readSession(db: Kysely<SyncedDatabase>, siteId: string, sessionId: string) {
  const s = await db
    .selectFrom('table_sessions as s')
    .innerJoin('dining_tables as t', 't.id', 's.table_id')
    .select(['s.id', 's.guests', 's.status', 't.label'])
    .where('s.id', '=', sessionId)
    .where('s.site_id', '=', siteId)
    .executeTakeFirst();
  if (!s) return null;
  const lines = await sessionLines(db, siteId, sessionId);
  const tickets = new Map((await ticketsOf(db, siteId, sessionId, lines)).map((t) => [t.id, t.status as TicketStatus]));
  const payments = await sessionPayments(db, siteId, sessionId);
  const total = billTotalCents(lines.map(billLineOf));
  const paid = payments.reduce((sum, p) => sum + p.amount_cents, 0);
  return {
    id: s.id,
    tableLabel: s.label,
    guests: s.guests,
    status: s.status,
    lines: lines.map((l) => ({
      id: l.id,
      seat: l.seat,
      itemId: l.item_id,
      name: { en: l.name_en, fr: l.name_fr },
      quantity: l.quantity,
      modifiers: parseModifiers(l.modifiers).map((m) => ({ id: m.id, name: names(m), priceCents: m.priceCents })),
      note: l.note,
      course: l.course,
      station: l.station,
      status: l.status,
      comped: l.comped === 1,
      reason: l.reason,
      ticketStatus: l.ticket_id ? (tickets.get(l.ticket_id) ?? null) : null,
      totalCents: lineTotalCents(billLineOf(l)),
    })),
    totalCents: total,
    paidCents: paid,
    tipCents: payments.reduce((sum, p) => sum + p.tip_cents, 0),
    dueCents: balanceDue(total, [paid]),
    payments: payments.map((p) => ({
      id: p.id,
      shareKey: p.share_key,
      amountCents: p.amount_cents,
      tipCents: p.tip_cents,
      method: p.method,
    })),
  };
}

/** The kitchen display's tickets, oldest first, with their lines as the cooks read them. */
/**
 * The label of the table each session is at now: a session merged into another counts as that
 * one, and a moved one as its new table, so a ticket shows where its food goes today.
 */
async function tableLabelsNow(db: Kysely<SyncedDatabase>, siteId: string, sessionIds: readonly string[]) {
  const sessions = new Map<string, { table_id: string; merged_into: string | null }>();
  let wanted = [...new Set(sessionIds)];
  for (let hop = 0; wanted.length > 0 && hop < 10; hop += 1) {
    const rows = await db
      .selectFrom('table_sessions')
      .select(['id', 'table_id', 'merged_into'])
      .where('site_id', '=', siteId)
      .where('id', 'in', wanted)
      .execute();
    for (const r of rows) sessions.set(r.id, r);
    wanted = rows.map((r) => r.merged_into).filter((id): id is string => id !== null && !sessions.has(id));
  }
  const tableIds = [...new Set([...sessions.values()].map((r) => r.table_id))];
  const labels = new Map(
    tableIds.length
      ? (await db.selectFrom('dining_tables').select(['id', 'label']).where('id', 'in', tableIds).execute()).map(
          (t) => [t.id, t.label],
        )
      : [],
  );
  return (sessionId: string): string | undefined => {
    let s = sessions.get(sessionId);
    for (let hop = 0; s?.merged_into && sessions.has(s.merged_into) && hop < 10; hop += 1)
      s = sessions.get(s.merged_into);
    return s ? labels.get(s.table_id) : undefined;
  };
}

export async function readTickets(
  db: Kysely<SyncedDatabase>,
  siteId: string,
  opts: { station?: Station; includeServed: boolean },
) {
  let q = db.selectFrom('kitchen_tickets').selectAll().where('site_id', '=', siteId);
  if (opts.station) q = q.where('station', '=', opts.station);
  if (!opts.includeServed) q = q.where('status', '<>', 'served');
  const tickets = await q.orderBy('sent_at').orderBy('id').execute();
  const labelNow = await tableLabelsNow(
    db,
    siteId,
    tickets.map((t) => t.session_id),
  );
  // The lines of every shown ticket in one query per 500 tickets, not one query per ticket.
  const linesOf = new Map<string, Selectable<OrderLineRow>[]>();
  const ids = tickets.map((t) => t.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('order_lines')
      .selectAll()
      .where('ticket_id', 'in', ids.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .orderBy('seat')
      .orderBy('created_at')
      .execute();
    for (const l of rows) {
      const list = linesOf.get(l.ticket_id!) ?? [];
      list.push(l);
      linesOf.set(l.ticket_id!, list);
    }
  }
  const out = tickets.map((t) => ({
    id: t.id,
    tableLabel: labelNow(t.session_id) ?? t.table_label,
    station: t.station,
    course: t.course,
    status: t.status,
    sentAt: t.sent_at,
    lines: (linesOf.get(t.id) ?? []).map((l) => ({
      seat: l.seat,
      name: { en: l.name_en, fr: l.name_fr },
      quantity: l.quantity,
      modifiers: parseModifiers(l.modifiers).map(names),
      note: l.note,
      voided: l.status === 'void',
    })),
  }));
  return out;
}

/**
 * The owner's figures of a restaurant for a period (shared/tables/analytics.ts): the payments,
 * sent lines and kitchen tickets of the last 30 site days, the longest span the figures show.
 */
export async function readSales(
  db: Kysely<SyncedDatabase>,
  site: { id: string; timezone: string },
  now: number,
  period: SalesPeriod,
): Promise<SalesFigures> {
  // A day more than the charts show: a zone far ahead of UTC starts its 30th day before UTC does.
  const since = new Date(now - 31 * 86_400_000).toISOString();
  const [payments, lines, tickets] = await Promise.all([
    db
      .selectFrom('payments')
      .select(['session_id', 'amount_cents', 'tip_cents', 'method', 'created_at'])
      .where('site_id', '=', site.id)
      .where('created_at', '>=', since)
      .execute(),
    db
      .selectFrom('order_lines')
      .selectAll()
      .where('site_id', '=', site.id)
      .where('deleted_at', 'is', null)
      .where('status', '!=', 'pending')
      .where('created_at', '>=', since)
      .execute(),
    db
      .selectFrom('kitchen_tickets')
      .select(['status', 'sent_at', 'ready_at'])
      .where('site_id', '=', site.id)
      .where('sent_at', '>=', since)
      .execute(),
  ]);
  return salesFigures(
    {
      payments,
      lines: lines.map((l) => ({
        bill: billLineOf(l),
        itemId: l.item_id,
        nameEn: l.name_en,
        nameFr: l.name_fr,
        sent: true,
        at: Date.parse(l.created_at),
      })),
      tickets,
    },
    { now, timeZone: site.timezone, period },
  );
}
