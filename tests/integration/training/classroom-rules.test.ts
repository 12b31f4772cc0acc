import { describe, expect, it } from 'vitest';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';

// The manual clock of makeKiosk starts at 2026-11-22T09:00Z.
const session = (startsAt: string, more: Record<string, unknown> = {}) => ({
  moduleId: null,
  title: 'Fire drill briefing',
  location: 'Mess room',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
  capacity: 6,
  ...more,
});

describe('planning classroom sessions on the kiosk', () => {
  it('refuses a session dated in the past, naming the field, and plans nothing', async () => {
    const tk = await makeKiosk();
    const instructor = await signIn(tk.kiosk, 'instructor');
    const r = await call(tk.kiosk, 'training.createSession', session('2026-11-21T14:00:00.000Z'), instructor);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [{ field: 'startsAt', problem: 'in_past' }] },
    });
    const list = await call(tk.kiosk, 'training.sessions', {}, instructor);
    expect(list.ok && list.value).toEqual([]);
  });

  it('a title over 120 characters is refused with the field and its limit, not a generic error', async () => {
    const tk = await makeKiosk();
    const instructor = await signIn(tk.kiosk, 'instructor');
    const r = await call(
      tk.kiosk,
      'training.createSession',
      session('2026-11-25T14:00:00.000Z', { title: 'x'.repeat(121) }),
      instructor,
    );
    expect(r.ok ? null : r.error.details?.problems).toEqual([{ field: 'title', problem: 'too_long', limit: 120 }]);
  });

  it('trainees are offered only sessions still to come; the instructor keeps past ones for the roster', async () => {
    const tk = await makeKiosk();
    const instructor = await signIn(tk.kiosk, 'instructor');
    const planned = await call(tk.kiosk, 'training.createSession', session('2026-11-22T10:00:00.000Z'), instructor);
    expect(planned.ok).toBe(true);
    tk.clock.advance(2 * 3600_000);
    const staff = await signIn(tk.kiosk, 'staff');
    const offered = await call(tk.kiosk, 'training.sessions', {}, staff);
    expect(offered.ok && offered.value).toEqual([]);
    const again = await signIn(tk.kiosk, 'instructor');
    const kept = await call(tk.kiosk, 'training.sessions', {}, again);
    expect(kept.ok && (kept.value as { title: string }[]).map((s) => s.title)).toEqual(['Fire drill briefing']);
  });
});
