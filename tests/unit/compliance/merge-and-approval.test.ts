import { describe, expect, it } from 'vitest';
import { headsOf, itemConflicts, type HistoryEntry } from '../../../shared/compliance/answer-merge.js';
import { stepRefusal } from '../../../shared/compliance/approval-steps.js';

const h = (
  id: string,
  itemId: string,
  newValue: string,
  deviceId: string,
  hlc: string,
  baseIds: string[] = [],
): HistoryEntry => ({
  id,
  itemId,
  newValue,
  userId: 'u',
  deviceId,
  hlc,
  baseIds,
});

describe('merge by item', () => {
  it('two kiosks changing different items: no conflict', () => {
    expect(itemConflicts([h('1', 'a', '"yes"', 'A', '01'), h('2', 'b', '"no"', 'B', '02')])).toEqual([]);
  });
  it('one kiosk changing an item it saw the other change: no conflict, the latest is the head', () => {
    const list = [h('1', 'a', '"yes"', 'A', '01'), h('2', 'a', '"no"', 'B', '02', ['1'])];
    expect(itemConflicts(list)).toEqual([]);
    expect(headsOf(list).map((x) => x.id)).toEqual(['2']);
  });
  it('two kiosks changing the same item without seeing each other: a conflict with both values, newest first', () => {
    const list = [
      h('0', 'a', '"yes"', 'A', '01'),
      h('1', 'a', '4', 'A', '03', ['0']),
      h('2', 'a', '6', 'B', '02', ['0']),
    ];
    const [c] = itemConflicts(list);
    expect(c.itemId).toBe('a');
    expect(c.heads.map((x) => [x.deviceId, x.newValue])).toEqual([
      ['A', '4'],
      ['B', '6'],
    ]);
  });
  it('two kiosks arriving at the same value do not conflict; picking one resolves a conflict', () => {
    expect(itemConflicts([h('1', 'a', '5', 'A', '01'), h('2', 'a', '5', 'B', '02')])).toEqual([]);
    const resolved = [
      h('1', 'a', '4', 'A', '01'),
      h('2', 'a', '6', 'B', '02'),
      h('3', 'a', '6', 'A', '03', ['1', '2']),
    ];
    expect(itemConflicts(resolved)).toEqual([]);
  });
});

describe('approval steps', () => {
  const filler = { userId: 'chef', permissions: ['compliance.fill'] };
  const manager = { userId: 'mgr', permissions: ['compliance.fill', 'compliance.approve'] };
  it('draft -> submitted -> reviewed -> approved, each by a role that may', () => {
    expect(stepRefusal('submit', { status: 'draft', submittedBy: null }, filler, null)).toBeNull();
    expect(stepRefusal('review', { status: 'submitted', submittedBy: 'chef' }, manager, null)).toBeNull();
    expect(stepRefusal('approve', { status: 'reviewed', submittedBy: 'chef' }, manager, null)).toBeNull();
  });
  it('refuses a role without the permission, naming it', () => {
    expect(stepRefusal('approve', { status: 'reviewed', submittedBy: 'x' }, filler, null)).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role may not approve compliance reports (it needs compliance.approve).',
    });
    expect(stepRefusal('countersign', { status: 'approved', submittedBy: 'chef' }, manager, null)?.code).toBe(
      'FORBIDDEN',
    );
  });
  it('refuses approving your own report, skipping a step, and a return without a comment', () => {
    expect(stepRefusal('review', { status: 'submitted', submittedBy: 'mgr' }, manager, null)?.message).toContain(
      'other than',
    );
    expect(stepRefusal('approve', { status: 'submitted', submittedBy: 'chef' }, manager, null)?.code).toBe('CONFLICT');
    expect(stepRefusal('return', { status: 'submitted', submittedBy: 'chef' }, manager, ' ')?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      stepRefusal('return', { status: 'reviewed', submittedBy: 'chef' }, manager, 'Fridge reading missing'),
    ).toBeNull();
    expect(stepRefusal('submit', { status: 'returned', submittedBy: 'chef' }, filler, null)).toBeNull();
  });
});
