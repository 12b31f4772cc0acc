import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { addLine } from '../../../shared/tables/order-mutations.js';
import { recordPayment } from '../../../shared/tables/payment-mutations.js';
import { openSession } from '../../../shared/tables/session-mutations.js';
import { tableSessionId } from '../../../shared/tables/table-ids.js';
import { outboxCounts, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { FIXTURE, seedTablesFixture, tablesActors as who } from '../../helpers/tables-fixture.js';

describe('two kiosks paying the same share offline', () => {
  it('shore records the first payment and refuses the second as a rejection the second kiosk shows in words', async () => {
    const service = await startService();
    const { kiosk: w1 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: w2 } = await enrolledKiosk(service, 'restaurant');
    await seedTablesFixture(w1.runner);
    const sessionId = tableSessionId(FIXTURE.table(2), 0);
    await w1.runner.run(
      openSession,
      { id: sessionId, tableId: FIXTURE.table(2), guests: 1, waiterId: who.waiter.userId },
      who.waiter,
    );
    await w1.runner.run(
      addLine,
      { id: newId(), sessionId, itemId: FIXTURE.soup, seat: 1, quantity: 1, modifierIds: [], note: null, course: 1 },
      who.waiter,
    );
    await syncAll([w1, w2]);

    // The link drops; each waiter takes the whole bill (7.50) for the same share, each with its own key.
    const pay = (method: 'cash' | 'card') => ({
      sessionId,
      paymentKey: newId(),
      shareKey: 'all',
      amountCents: 750,
      tipCents: 0,
      method,
      reference: null,
    });
    await w1.runner.run(recordPayment, pay('card'), who.waiter);
    await w2.runner.run(recordPayment, pay('cash'), who.waiter);
    await syncAll([w1, w2]);

    const central = await service.db.admin
      .selectFrom('payments')
      .select(['amount_cents', 'method'])
      .where('session_id', '=', sessionId)
      .execute();
    expect(central).toEqual([{ amount_cents: 750, method: 'card' }]);
    expect(outboxCounts(w2)).toMatchObject({ rejected: 1 });
    const conflict = w2.store.raw
      .prepare("SELECT kind, code, message FROM conflicts WHERE mutation = 'tables.recordPayment'")
      .get() as { kind: string; code: string; message: string };
    expect(conflict).toMatchObject({ kind: 'rejected', code: 'CONFLICT' });
    expect(conflict.message).toMatch(/already paid/);
    // The second kiosk's bill now shows the one payment shore kept.
    const local = w2.store.raw.prepare('SELECT method FROM payments WHERE session_id = ?').all(sessionId);
    expect(local).toEqual([{ method: 'card' }]);
  });
});
