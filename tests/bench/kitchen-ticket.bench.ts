// A kitchen ticket with the internet down: from "send" on a waiter's kiosk until the kitchen
// display's read shows the ticket, on another kiosk of the same restaurant, both syncing through
// the restaurant's hub kiosk with the shore link cut (issue 15 §3). Each round the waiter adds a
// dish to an open table and sends it; the time runs from the send's commit on the waiter's kiosk
// to the kitchen kiosk's `readTickets` (what the display calls on each synced change) returning
// the new ticket. p50 and p95 over 150 sends, one at a time; the baseline is a plain HTTP round
// trip on loopback in the same run. Run with `npm run bench -- kitchen-ticket`.
import type { Kysely } from 'kysely';
import type { Kiosk } from '../../electron/core/kiosk.js';
import { readTickets } from '../../electron/core/tables/reads.js';
import { newId } from '../../shared/ids.js';
import type { SyncedDatabase } from '../../shared/schema.js';
import { addLine, sendOrder } from '../../shared/tables/order-mutations.js';
import { openSession } from '../../shared/tables/session-mutations.js';
import { kitchenTicketId, tableSessionId } from '../../shared/tables/table-ids.js';
import { FIXTURE, seedTablesFixture, tablesActors as who } from '../helpers/tables-fixture.js';
import type { Figure } from './bench-kit.js';
import { until } from './central.js';
import { jitteredPause, latencyFigures, startHubSite, within } from './hub-site.js';

const SENDS = Number(process.env.BENCH_CHANGES ?? 150);

/** When the kitchen kiosk's display read first shows `ticketId`, after a synced change. */
function onDisplay(kitchen: Kiosk, siteId: string, ticketId: string): Promise<number> {
  return new Promise((resolve) => {
    let reading = false;
    const look = async () => {
      if (reading) return;
      reading = true;
      // The kiosk's handlers read synced tables through the same cast (electron/core/tables/handlers.ts).
      const db = kitchen.store.db as unknown as Kysely<SyncedDatabase>;
      const tickets = await readTickets(db, siteId, { includeServed: false });
      reading = false;
      if (tickets.some((t) => t.id === ticketId)) {
        stop();
        resolve(performance.now());
      }
    };
    const stop = kitchen.events.subscribe((d) => {
      if (d.event.type === 'data.changed' && d.event.tables.includes('kitchen_tickets')) void look();
    });
  });
}

export async function run(): Promise<Figure[]> {
  const site = await startHubSite();
  try {
    const { a: waiter, b: kitchen, hub } = site;
    await seedTablesFixture(waiter.runner);
    for (let i = 0; i < 3; i++) for (const k of [waiter, hub, kitchen]) await k.sync!.syncNow();
    await until(
      () => kitchen.store.raw.prepare('SELECT 1 FROM menu_items WHERE id = ?').get(FIXTURE.steak) !== undefined,
      60_000,
    );
    await site.cutShore();

    const sessionId = tableSessionId(FIXTURE.table(1), 0);
    await waiter.runner.run(
      openSession,
      { id: sessionId, tableId: FIXTURE.table(1), guests: 2, waiterId: who.waiter.userId },
      who.waiter,
    );
    const pause = jitteredPause(7);
    const times: number[] = [];
    for (let i = 0; i < SENDS + 10; i++) {
      await waiter.runner.run(
        addLine,
        { id: newId(), sessionId, itemId: FIXTURE.steak, seat: 1, quantity: 1, modifierIds: [], note: null, course: 1 },
        who.waiter,
      );
      const sendId = newId();
      const shown = onDisplay(kitchen, waiter.siteId, kitchenTicketId(sendId, 'grill', 1));
      const t0 = performance.now();
      await waiter.runner.run(sendOrder, { sessionId, sendId }, who.waiter);
      const t1 = await within(shown, 10_000, `ticket ${i} did not reach the kitchen through the hub within 10 s`);
      if (i >= 10) times.push(t1 - t0); // the first ten warm up connections and statements
      await pause();
    }
    return latencyFigures(
      'kitchen ticket, waiter send to kitchen display through the hub, shore cut',
      times,
      await site.loopbackRtt(SENDS),
      { text: 'p95 <= 1000 ms required, 250 ms aimed for', p95Ms: 250 },
    );
  } finally {
    await site.stop();
  }
}
