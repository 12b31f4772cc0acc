import { describe, expect, it } from 'vitest';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

describe("the site's time zone", () => {
  it('an administrator sets it from the list; a zone that does not exist names the field; a manager may not', async () => {
    const { kiosk } = await makeKiosk();
    const info = async () => {
      const r = await call(kiosk, 'app.info', {});
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { site: { timezone: string } }).site.timezone;
    };
    expect(await info()).toBe('Europe/Paris');
    const admin = await signIn(kiosk, 'admin');
    const bad = await call(kiosk, 'admin.setTimezone', { timezone: 'Mars/Olympus_Mons' }, admin);
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'timezone' })] },
    });
    expect(await info()).toBe('Europe/Paris');
    expect(
      codeOf(await call(kiosk, 'admin.setTimezone', { timezone: 'Pacific/Auckland' }, await signIn(kiosk, 'manager'))),
    ).toBe('FORBIDDEN');
    expect(codeOf(await call(kiosk, 'admin.setTimezone', { timezone: 'Pacific/Pago_Pago' }, admin))).toBe('OK');
    expect(await info()).toBe('Pacific/Pago_Pago');
    // The site's own clock follows: the schedule board's "today" is the date there.
    const board = await call(kiosk, 'compliance.schedule', {}, admin);
    if (!board.ok) throw new Error(board.error.message);
    // The test clock is 22 Nov 2026 09:00 UTC: 22:00 the day before in Pago Pago (UTC-11).
    expect((board.value as { today: string }).today).toBe('2026-11-21');
  });
});
