import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { ALLERGENS } from './allergens.js';
import { SALES_PERIODS } from './analytics.js';
import { exportedFile } from '../compliance/export-contract.js';
import { PAYMENT_METHODS } from './payment-mutations.js';
import { STATIONS } from './routing.js';
import { TABLE_STATES } from './table-state.js';
import { TICKET_STATUSES } from './ticket-flow.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const bilingual = z.object({ en: z.string(), fr: z.string() });
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');

const cents = z.number().int();
const perBucket = z.array(z.object({ label: z.string(), cents }));
const counted = z.object({ count: z.number().int(), cents });

/** The service day (shared/tables/service-mutations.ts). */
export const serviceOut = z.object({
  acceptingOrders: z.boolean(),
  open: z
    .object({
      id: z.uuid(),
      openedAt: z.string(),
      openedBy: z.string().nullable(),
      floatCents: cents,
      /** The float and the cash taken since the shift opened, tips included. */
      expectedCents: cents,
    })
    .nullable(),
  recent: z.array(
    z.object({
      id: z.uuid(),
      openedAt: z.string(),
      closedAt: z.string(),
      closedBy: z.string().nullable(),
      floatCents: cents,
      countedCents: cents,
      expectedCents: cents,
      differenceCents: cents,
      note: z.string().nullable(),
    }),
  ),
});

/** The owner's figures (shared/tables/analytics.ts). */
export const salesOut = z.object({
  period: z.enum(SALES_PERIODS),
  byHour: perBucket,
  byDay: perBucket,
  takenCents: cents,
  tipsCents: cents,
  bills: z.number().int(),
  averageBillCents: cents.nullable(),
  methods: z.record(z.enum(PAYMENT_METHODS), cents),
  items: z.array(
    z.object({ itemId: z.uuid(), nameEn: z.string(), nameFr: z.string(), quantity: z.number().int(), cents }),
  ),
  ticketMinutes: z.number().nullable(),
  ticketsReady: z.number().int(),
  ticketsByStatus: z.record(z.enum(TICKET_STATUSES), z.number().int()),
  voids: counted,
  comps: counted,
});

export const floorTable = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  label: z.string(),
  seats: z.number().int(),
  state: z.enum(TABLE_STATES),
  session: z
    .object({ id: z.uuid(), guests: z.number().int(), waiterName: z.string().nullable(), openedAt: z.string() })
    .nullable(),
});

export const menuItem = z.object({
  id: z.uuid(),
  categoryId: z.uuid(),
  name: bilingual,
  priceCents: z.number().int(),
  allergens: z.array(z.enum(ALLERGENS)),
  modifiers: z.array(z.object({ id: z.uuid(), name: bilingual, priceCents: z.number().int() })),
  station: z.enum(STATIONS),
  available: z.boolean(),
});

export const orderLine = z.object({
  id: z.uuid(),
  seat: z.number().int(),
  itemId: z.uuid(),
  name: bilingual,
  quantity: z.number().int(),
  modifiers: z.array(z.object({ id: z.uuid(), name: bilingual, priceCents: z.number().int() })),
  note: z.string().nullable(),
  course: z.number().int(),
  station: z.string(),
  status: z.enum(['pending', 'sent', 'void']),
  comped: z.boolean(),
  reason: z.string().nullable(),
  ticketStatus: z.enum(TICKET_STATUSES).nullable(),
  totalCents: z.number().int(),
});

export const splitInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('whole') }).strict(),
  z.object({ mode: z.literal('seat') }).strict(),
  z.object({ mode: z.literal('equal'), ways: z.number().int().min(1).max(50) }).strict(),
  z.object({ mode: z.literal('item'), assign: z.record(z.uuid(), z.array(z.string().min(1).max(40)).min(1)) }).strict(),
  z.object({ mode: z.literal('amount'), amounts: z.array(z.number().int().positive()).min(1).max(50) }).strict(),
]);

export const ticketView = z.object({
  id: z.uuid(),
  tableLabel: z.string(),
  station: z.string(),
  course: z.number().int(),
  status: z.enum(TICKET_STATUSES),
  sentAt: z.string(),
  lines: z.array(
    z.object({
      seat: z.number().int(),
      name: bilingual,
      quantity: z.number().int(),
      modifiers: z.array(bilingual),
      note: z.string().nullable(),
      voided: z.boolean(),
    }),
  ),
});

const approval = z
  .object({
    lineId: z.uuid(),
    approverId: z.uuid(),
    pin,
    reason: z.string().trim().min(3, 'Say why, in a few words').max(200),
  })
  .strict();

/** The table-service methods; gathered into shared/api/contract.ts with one line. */
export const tablesContract = {
  'tables.floor': method({
    access: 'tables.serve',
    input: empty,
    output: z.object({
      areas: z.array(z.object({ id: z.uuid(), name: z.string() })),
      tables: z.array(floorTable),
      /** False while the owner or a manager has stopped orders (the service day). */
      acceptingOrders: z.boolean(),
    }),
    touchesSession: false,
  }),
  'tables.menu': method({
    access: 'session',
    input: empty,
    output: z.object({
      categories: z.array(z.object({ id: z.uuid(), name: bilingual })),
      items: z.array(menuItem),
    }),
    touchesSession: false,
  }),
  'tables.session': method({
    access: 'tables.serve',
    input: z.object({ sessionId: z.uuid() }).strict(),
    output: z.object({
      id: z.uuid(),
      tableLabel: z.string(),
      guests: z.number().int(),
      status: z.enum(['open', 'closed', 'merged']),
      lines: z.array(orderLine),
      totalCents: z.number().int(),
      paidCents: z.number().int(),
      tipCents: z.number().int(),
      dueCents: z.number().int(),
      payments: z.array(
        z.object({
          id: z.uuid(),
          shareKey: z.string(),
          amountCents: z.number().int(),
          tipCents: z.number().int(),
          method: z.enum(PAYMENT_METHODS),
        }),
      ),
    }),
    touchesSession: false,
  }),
  'tables.open': method({
    access: 'tables.serve',
    input: z.object({ tableId: z.uuid(), guests: z.number().int().min(1).max(40) }).strict(),
    output: z.object({ sessionId: z.uuid() }),
  }),
  'tables.addLine': method({
    access: 'tables.serve',
    input: z
      .object({
        sessionId: z.uuid(),
        itemId: z.uuid(),
        seat: z.number().int().min(1).max(40),
        quantity: z.number().int().min(1).max(99).default(1),
        modifierIds: z.array(z.uuid()).max(20).default([]),
        note: z.string().trim().max(200).nullable().default(null),
        course: z.number().int().min(1).max(5).default(1),
      })
      .strict(),
    output: z.object({ id: z.uuid() }),
  }),
  'tables.removeLine': method({
    access: 'tables.serve',
    input: z.object({ lineId: z.uuid() }).strict(),
    output: okOut,
  }),
  /** `sendId` is made once per tap on Send: a retry after a lost answer sends nothing twice. */
  'tables.send': method({
    access: 'tables.serve',
    input: z.object({ sessionId: z.uuid(), sendId: z.uuid() }).strict(),
    output: z.object({ tickets: z.number().int() }),
  }),
  'tables.void': method({ access: 'tables.serve', input: approval, output: okOut }),
  'tables.comp': method({ access: 'tables.serve', input: approval, output: okOut }),
  'tables.move': method({
    access: 'tables.serve',
    input: z.object({ sessionId: z.uuid(), toTableId: z.uuid() }).strict(),
    output: okOut,
  }),
  'tables.merge': method({
    access: 'tables.serve',
    input: z.object({ sessionId: z.uuid(), intoSessionId: z.uuid() }).strict(),
    output: okOut,
  }),
  'tables.split': method({
    access: 'tables.pay',
    input: z.object({ sessionId: z.uuid(), split: splitInput }).strict(),
    output: z.object({
      shares: z.array(z.object({ key: z.string(), amountCents: z.number().int(), lineIds: z.array(z.uuid()) })),
    }),
  }),
  /** `paymentKey` is made once per share shown: paying it again (a retry) records nothing twice. */
  'tables.pay': method({
    access: 'tables.pay',
    input: z
      .object({
        sessionId: z.uuid(),
        paymentKey: z.uuid(),
        shareKey: z.string().trim().min(1).max(40),
        amountCents: z.number().int().min(1).max(100_000_00),
        tipCents: z.number().int().min(0).max(10_000_00).default(0),
        method: z.enum(PAYMENT_METHODS),
        reference: z.string().trim().max(60).nullable().default(null),
      })
      .strict(),
    output: z.object({ dueCents: z.number().int() }),
  }),
  'tables.close': method({ access: 'tables.serve', input: z.object({ sessionId: z.uuid() }).strict(), output: okOut }),
  'tables.setAvailability': method({
    access: 'session',
    input: z.object({ itemId: z.uuid(), available: z.boolean() }).strict(),
    output: okOut,
  }),
  'tables.receipt': method({
    access: 'tables.pay',
    input: z.object({ sessionId: z.uuid() }).strict(),
    output: exportedFile,
  }),
  'tables.service': method({
    access: 'tables.money',
    input: empty,
    output: serviceOut,
    touchesSession: false,
  }),
  'tables.setAccepting': method({
    access: 'tables.money',
    input: z.object({ accepting: z.boolean() }).strict(),
    output: okOut,
  }),
  'tables.openShift': method({
    access: 'tables.money',
    input: z.object({ shiftKey: z.uuid(), floatCents: z.number().int().min(0).max(10_000_000) }).strict(),
    output: z.object({ shiftId: z.uuid() }),
  }),
  'tables.closeShift': method({
    access: 'tables.money',
    input: z
      .object({
        shiftId: z.uuid(),
        countedCents: z.number().int().min(0).max(10_000_000),
        note: z.string().trim().max(300).nullable().default(null),
      })
      .strict(),
    output: z.object({ expectedCents: z.number().int(), differenceCents: z.number().int() }),
  }),
  'tables.sales': method({
    access: 'tables.money',
    input: z.object({ period: z.enum(SALES_PERIODS).default('today') }).strict(),
    output: salesOut,
    // Reloaded on every synced change: an owner's screen left open must still lock.
    touchesSession: false,
  }),
  'kitchen.tickets': method({
    access: 'kitchen.display',
    input: z.object({ station: z.enum(STATIONS).optional(), includeServed: z.boolean().default(false) }).strict(),
    output: z.object({ now: z.string(), tickets: z.array(ticketView) }),
    // Reloaded on every synced change: a kitchen screen must still lock when nobody touches it.
    touchesSession: false,
  }),
  'kitchen.setStatus': method({
    access: 'kitchen.display',
    input: z.object({ ticketId: z.uuid(), to: z.enum(TICKET_STATUSES) }).strict(),
    output: okOut,
  }),
} as const;
