import { describe, expect, it } from 'vitest';
import {
  actionMoveRefusal,
  correctiveActionId,
  correctiveActionsFor,
  correctiveDueDays,
  daysBetween,
  isOverdue,
} from '../../../shared/compliance/corrective-actions.js';
import { RESTAURANT_TEMPLATES } from '../../../shared/compliance/restaurant-templates.js';
import { templateContent } from '../../../shared/compliance/template.js';

const REPORT = '0195f0c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6';
const opening = templateContent.parse(RESTAURANT_TEMPLATES.find((t) => t.code === 'RESTAURANT_OPENING')!.content);

describe('corrective actions of compliance reports', () => {
  it('one action per failed critical item, its id derived from (report, item) so replicas raise the same one', () => {
    const raised = correctiveActionsFor({
      reportId: REPORT,
      content: opening,
      reportType: 'inspection',
      frequency: null,
      failedCritical: ['fridge_temp', 'pests_seen'],
      submittedOn: '2026-11-22',
      ownerRole: 'chef',
    });
    expect(raised).toEqual([
      {
        id: correctiveActionId(REPORT, 'fridge_temp'),
        itemId: 'fridge_temp',
        title: 'Corrective action: Walk-in fridge temperature',
        dueDate: '2026-11-29',
        ownerRole: 'chef',
      },
      expect.objectContaining({ id: correctiveActionId(REPORT, 'pests_seen'), itemId: 'pests_seen' }),
    ]);
    expect(correctiveActionId(REPORT, 'fridge_temp')).toBe(correctiveActionId(REPORT, 'fridge_temp'));
    expect(correctiveActionId(REPORT, 'fridge_temp')).not.toBe(correctiveActionId(REPORT, 'pests_seen'));
  });

  it('is due by the report type’s days, never later than the next report of its schedule', () => {
    expect(correctiveDueDays('audit', null)).toBe(30);
    expect(correctiveDueDays('safety', null)).toBe(1);
    expect(correctiveDueDays('inspection', 'daily')).toBe(1);
    expect(correctiveDueDays('audit', 'weekly')).toBe(7);
    expect(correctiveDueDays('audit', 'yearly')).toBe(30);
    // Across a month end and a year end, in the site's calendar.
    const due = (submittedOn: string, frequency: 'daily' | null) =>
      correctiveActionsFor({
        reportId: REPORT,
        content: opening,
        reportType: 'inspection',
        frequency,
        failedCritical: ['exits_clear'],
        submittedOn,
        ownerRole: 'chef',
      })[0].dueDate;
    expect(due('2026-12-31', 'daily')).toBe('2027-01-01');
    expect(due('2026-11-28', null)).toBe('2026-12-05');
  });

  it('is overdue once its due date has passed and it is not done', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-23' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-11-23' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ status: 'done', dueDate: '2026-11-23' }, '2026-12-01')).toBe(false);
    expect(daysBetween('2026-10-25', '2026-11-01')).toBe(7);
  });

  it('moves forward only; the owner role or a supervisor moves it; done needs a note saying what was done', () => {
    const chef = { roleCode: 'chef', permissions: ['compliance.fill'] };
    const manager = { roleCode: 'manager', permissions: ['compliance.fill', 'compliance.approve'] };
    const crew = { roleCode: 'crew', permissions: ['compliance.fill'] };
    const open = { status: 'open' as const, ownerRole: 'chef' };
    expect(actionMoveRefusal('in_progress', open, chef, null)).toBeNull();
    expect(actionMoveRefusal('done', open, manager, 'Replaced the seal')).toBeNull();
    expect(actionMoveRefusal('done', open, crew, 'x')).toMatchObject({ code: 'FORBIDDEN' });
    expect(actionMoveRefusal('done', open, chef, '  ')).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    expect(actionMoveRefusal('in_progress', { status: 'in_progress', ownerRole: 'chef' }, chef, null)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(actionMoveRefusal('done', { status: 'done', ownerRole: 'chef' }, chef, 'again')).toMatchObject({
      code: 'CONFLICT',
    });
  });
});
