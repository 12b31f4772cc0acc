import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { FIXTURE, seedTablesFixture } from '../../helpers/tables-fixture.js';
import { makeTempDir } from '../../helpers/tmp.js';

const value = <T>(r: unknown) => {
  const res = r as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};

describe('the receipt of a bill', () => {
  it('is a PDF in both languages with what was served and paid, for whoever takes payments', async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const waiter = await signIn(kiosk, 'waiter');
    const { sessionId } = value<{ sessionId: string }>(
      await call(kiosk, 'tables.open', { tableId: FIXTURE.table(3), guests: 2 }, waiter),
    );
    value(await call(kiosk, 'tables.addLine', { sessionId, itemId: FIXTURE.soup, seat: 1, quantity: 2 }, waiter));
    value(await call(kiosk, 'tables.send', { sessionId, sendId: newId() }, waiter));
    value(
      await call(
        kiosk,
        'tables.pay',
        { sessionId, paymentKey: newId(), shareKey: 'all', amountCents: 1500, tipCents: 200, method: 'card' },
        waiter,
      ),
    );
    const file = value<{ fileName: string; mime: string; base64: string; contentHash: string }>(
      await call(kiosk, 'tables.receipt', { sessionId }, waiter),
    );
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toMatch(/^receipt-T3-\d{4}-\d{2}-\d{2}\.pdf$/);
    const path = join(makeTempDir('receipt-'), file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Receipt · table T3');
    expect(text).toContain('Reçu · table T3');
    expect(text).toContain('Onion soup');
    expect(text).toMatch(/15\.00/);
    expect(text).toMatch(/2\.00/);

    const cook = await signIn(kiosk, 'kitchen');
    expect(codeOf(await call(kiosk, 'tables.receipt', { sessionId }, cook))).toBe('FORBIDDEN');
    expect(codeOf(await call(kiosk, 'tables.receipt', { sessionId: newId() }, waiter))).toBe('NOT_FOUND');
  });
});
