import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { correctiveActionId } from '../../../shared/compliance/corrective-actions.js';
import { parseContent } from '../../../shared/compliance/report-rules.js';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { newId } from '../../../shared/ids.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { passingAnswers } from '../../helpers/compliance-answers.js';
import { advance, call, codeOf, makeKiosk, signIn, WRONG_PIN } from '../../helpers/kiosk.js';
import { enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';

const OPENING = templateId('RESTAURANT_OPENING', 1);
const FIRE = templateId('FIRE_LSA_WEEKLY', 1);
const DAY = 86_400_000;

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}
const contentOf = (k: Kiosk, id: string) =>
  parseContent(
    (k.store.raw.prepare('SELECT content FROM compliance_templates WHERE id = ?').get(id) as { content: string })
      .content,
  );
const actionRows = (k: Kiosk) =>
  k.store.raw
    .prepare('SELECT id, source_kind, source_id, source_item, owner_role, due_date, status FROM actions ORDER BY id')
    .all();

async function fillAndSubmit(k: Kiosk, token: string, pin: string, tpl: string, failing: Record<string, unknown>) {
  const { id } = await ok<{ id: string }>(call(k, 'compliance.start', { templateId: tpl }, token));
  const answers = { ...passingAnswers(contentOf(k, tpl)), ...failing };
  for (const [itemId, value] of Object.entries(answers))
    await ok(call(k, 'compliance.answer', { reportId: id, itemId, value }, token));
  await ok(call(k, 'compliance.sign', { reportId: id, step: 'submit', pin }, token));
  return id;
}

interface ListedAction {
  id: string;
  title: { en: string; fr: string };
  status: string;
  overdue: boolean;
  ageDays: number;
  dueDate: string;
  ownerRole: string;
  nextMoves: string[];
  steps: { to: string; note: string | null; userName: string | null; roleCode: string }[];
}

describe('corrective actions raised by failed critical items', () => {
  it('a failed critical item raises one action (derived id, owner role, due date); done needs a note and the PIN; overdue is flagged', async () => {
    const tk = await makeKiosk();
    const k = tk.kiosk;
    const chef = await signIn(k, 'chef');
    const id = await fillAndSubmit(k, chef, '2222', OPENING, { fridge_temp: { value: 9 } });

    // An ad hoc inspection: seven days from the submission, owned by the submitter's role.
    const raised = [
      {
        id: correctiveActionId(id, 'fridge_temp'),
        source_kind: 'compliance_report',
        source_id: id,
        source_item: 'fridge_temp',
        owner_role: 'chef',
        due_date: '2026-11-29',
        status: 'open',
      },
    ];
    expect(actionRows(k)).toEqual(raised);

    // Returned and submitted again, still failing: the same action, not a second one.
    const manager = await signIn(k, 'manager');
    await ok(
      call(k, 'compliance.sign', { reportId: id, step: 'return', pin: '1111', comment: 'Check it again' }, manager),
    );
    await ok(call(k, 'compliance.sign', { reportId: id, step: 'submit', pin: '2222' }, chef));
    expect(actionRows(k)).toEqual(raised);

    const list = async (token: string) =>
      (await ok<{ today: string; actions: ListedAction[] }>(call(k, 'compliance.actions', {}, token))).actions;
    const [first] = await list(chef);
    expect(first).toMatchObject({
      title: { en: 'Walk-in fridge temperature', fr: expect.stringContaining('chambre froide') as string },
      status: 'open',
      overdue: false,
      ageDays: 0,
      nextMoves: ['in_progress', 'done'],
    });

    const move = (to: string, pin: string, note: string | null, token = chef) =>
      call(k, 'compliance.moveAction', { actionId: first.id, to, pin, note }, token);
    const noNote = await move('done', '2222', '  ');
    expect(codeOf(noNote)).toBe('VALIDATION_FAILED');
    expect(!noNote.ok && noNote.error.message).toContain('note');
    expect(codeOf(await move('in_progress', WRONG_PIN, null))).toBe('PIN_INVALID');
    expect(actionRows(k)).toEqual(raised);
    await ok(move('in_progress', '2222', null));

    // Eight days on, still not done: overdue.
    await advance(tk, 8 * DAY);
    const chefLater = await signIn(k, 'chef');
    expect((await list(chefLater))[0]).toMatchObject({ status: 'in_progress', overdue: true, ageDays: 8 });
    expect(codeOf(await move('in_progress', '2222', null, chefLater))).toBe('CONFLICT');
    await ok(move('done', '2222', 'Door seal replaced; 3 °C an hour later', chefLater));
    const done = (await list(chefLater))[0];
    expect(done).toMatchObject({ status: 'done', overdue: false, nextMoves: [] });
    expect(done.steps.map((s) => [s.to, s.note, s.roleCode])).toEqual([
      ['in_progress', null, 'chef'],
      ['done', 'Door seal replaced; 3 °C an hour later', 'chef'],
    ]);
    // The status filter: no open action left.
    expect(
      (await ok<{ actions: unknown[] }>(call(k, 'compliance.actions', { status: ['open', 'in_progress'] }, chefLater)))
        .actions,
    ).toEqual([]);
  });

  it('shore raises the same action when it re-runs the submit, and refuses a move by a role that does not own it', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'vessel');
    const officer = await signIn(a, 'officer', 'vessel');
    // The weekly check is the officer's: its actions are too.
    const { id: scheduleId } = await ok<{ id: string }>(
      call(
        a,
        'compliance.setSchedule',
        {
          templateCode: 'FIRE_LSA_WEEKLY',
          frequency: 'weekly',
          roleCode: 'officer',
          startsOn: '2026-01-05',
          dueTime: '12:00',
        },
        officer,
      ),
    );
    const crew = await signIn(a, 'crew', 'vessel');
    const due = await ok<{ scheduleId: string; period: string }[]>(call(a, 'compliance.due', { allRoles: true }, crew));
    const period = due.find((d) => d.scheduleId === scheduleId)!.period;
    const { id } = await ok<{ id: string }>(
      call(a, 'compliance.start', { templateId: FIRE, scheduleId, period }, crew),
    );
    for (const [itemId, value] of Object.entries({
      ...passingAnswers(contentOf(a, FIRE)),
      fire_doors: { value: 'no' },
    }))
      await ok(call(a, 'compliance.answer', { reportId: id, itemId, value }, crew));
    await ok(call(a, 'compliance.sign', { reportId: id, step: 'submit', pin: '3333' }, crew));
    const actionId = correctiveActionId(id, 'fire_doors');
    expect(actionRows(a)).toMatchObject([{ id: actionId, owner_role: 'officer', status: 'open' }]);
    // Crew neither owns it nor approves: refused on the kiosk.
    expect(
      codeOf(await call(a, 'compliance.moveAction', { actionId, to: 'done', pin: '3333', note: 'Fixed' }, crew)),
    ).toBe('FORBIDDEN');
    await a.sync!.syncNow();
    const central = async () =>
      (
        await sql<{
          id: string;
          owner_role: string;
          source_item: string;
          due_date: string;
          status: string;
        }>`SELECT id, owner_role, source_item, due_date, status FROM actions WHERE source_id = ${id}`.execute(
          service.db.admin,
        )
      ).rows;
    const local = actionRows(a) as { due_date: string }[];
    expect(await central()).toEqual([
      { id: actionId, owner_role: 'officer', source_item: 'fire_doors', due_date: local[0].due_date, status: 'open' },
    ]);

    // A kiosk that skipped the check asks shore to close it in a crew member's name: refused.
    const { kiosk: tampered } = await enrolledKiosk(service, 'vessel');
    const res = pushResponse.parse(
      (
        await rawPush(service, tampered, [
          {
            seq: 1,
            name: 'compliance.moveAction',
            version: 1,
            args: { actionId, stepId: newId(), to: 'done', note: 'Fixed' },
            hlc: encodeHlc({ wall: Date.now(), counter: 1, node: 'tampered' }),
            userId: demoUserId('vessel', 'Aline Girard'),
          },
        ])
      ).body,
    );
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'FORBIDDEN']]);
    expect((await central())[0].status).toBe('open');

    // The owner closes it with a note: on shore with its signed step.
    const officerAgain = await signIn(a, 'officer', 'vessel');
    await ok(
      call(
        a,
        'compliance.moveAction',
        { actionId, to: 'done', pin: '2222', note: 'Door closer adjusted' },
        officerAgain,
      ),
    );
    await a.sync!.syncNow();
    expect((await central())[0].status).toBe('done');
    const steps = await sql<{
      to_status: string;
      note: string;
      role_code: string;
    }>`SELECT to_status, note, role_code FROM action_steps WHERE action_id = ${actionId}`.execute(service.db.admin);
    expect(steps.rows).toEqual([{ to_status: 'done', note: 'Door closer adjusted', role_code: 'officer' }]);
  });
});
