import { describe, expect, it } from 'vitest';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { submitPassingReport } from '../../helpers/compliance-report.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

describe('the compliance schedule board', () => {
  it('shows every role’s schedule: missed days since the kiosk was off, today’s (done once submitted), the week’s', async () => {
    // The test clock: Sunday 22 Nov 2026, 10:00 in Paris.
    const { kiosk } = await makeKiosk();
    const manager = await signIn(kiosk, 'manager');
    const daily = await ok<{ id: string }>(
      call(
        kiosk,
        'compliance.setSchedule',
        {
          templateCode: 'RESTAURANT_OPENING',
          frequency: 'daily',
          roleCode: 'chef',
          startsOn: '2026-11-19',
          dueTime: '12:00',
        },
        manager,
      ),
    );
    await ok(
      call(
        kiosk,
        'compliance.setSchedule',
        {
          templateCode: 'ALLERGEN_AUDIT',
          frequency: 'monthly',
          roleCode: 'manager',
          startsOn: '2026-11-01',
          dueTime: '17:00',
        },
        manager,
      ),
    );
    const chef = await signIn(kiosk, 'chef');
    type Board = {
      today: string;
      entries: { title: { en: string }; period: string; bucket: string; status: string; roleCode: string }[];
    };
    const board = async () =>
      (await ok<Board>(call(kiosk, 'compliance.schedule', {}, chef))).entries.map((e) => [
        e.title.en.split(' ')[0],
        e.period,
        e.bucket,
        e.status,
        e.roleCode,
      ]);
    expect((await ok<Board>(call(kiosk, 'compliance.schedule', {}, chef))).today).toBe('2026-11-22');
    expect(await board()).toEqual([
      ['Daily', '2026-11-19', 'missed', 'missed', 'chef'],
      ['Daily', '2026-11-20', 'missed', 'missed', 'chef'],
      ['Daily', '2026-11-21', 'missed', 'missed', 'chef'],
      ['Daily', '2026-11-22', 'today', 'due', 'chef'],
      ['Allergen', '2026-11-01', 'later', 'due', 'manager'],
    ]);

    await submitPassingReport(
      kiosk,
      { templateId: templateId('RESTAURANT_OPENING', 1), scheduleId: daily.id, period: '2026-11-22' },
      chef,
      '2222',
    );
    expect((await board())[3]).toEqual(['Daily', '2026-11-22', 'today', 'done', 'chef']);
    // The chef's own due list drops it; the manager's month stays on the board, not on his list.
    const due = await ok<{ period: string; status: string }[]>(call(kiosk, 'compliance.due', {}, chef));
    expect(due.map((d) => [d.period, d.status])).toEqual([
      ['2026-11-19', 'missed'],
      ['2026-11-20', 'missed'],
      ['2026-11-21', 'missed'],
    ]);

    // The dashboard follows the same rows: this week, one of four dailies submitted, scoring 100.
    expect(codeOf(await call(kiosk, 'compliance.dashboard', { weeks: 2 }, chef))).toBe('FORBIDDEN');
    const dash = await ok<{
      weeks: string[];
      templates: { code: string; completion: (number | null)[]; score: (number | null)[] }[];
      openActionsByAge: Record<string, number>;
    }>(call(kiosk, 'compliance.dashboard', { weeks: 2 }, manager));
    expect(dash.weeks).toEqual(['2026-11-09', '2026-11-16']);
    expect(dash.templates.find((t) => t.code === 'RESTAURANT_OPENING')).toMatchObject({
      completion: [null, 25],
      score: [null, 100],
    });
    expect(dash.openActionsByAge).toEqual({ '0-7': 0, '8-30': 0, '31+': 0 });
  });
});
