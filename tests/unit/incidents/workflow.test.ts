import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import { moveRefusal, movesFor, STAGES, WORKFLOW_MOVES } from '../../../shared/incidents/workflow.js';

const perms = (role: string) => DEFAULT_ROLES.find((r) => r.id === role)!.permissions;

describe('incident workflow', () => {
  it('goes reported → triaging → under investigation → escalated → action required → resolved → closed for a master', () => {
    const path = [
      'reported',
      'triaging',
      'under_investigation',
      'escalated',
      'action_required',
      'resolved',
      'closed',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(moveRefusal(path[i - 1], path[i], perms('master'))).toBeNull();
  });

  it('lets a crew member report but make no move at all', () => {
    for (const from of STAGES) expect(movesFor(from, perms('crew'))).toEqual([]);
    expect(moveRefusal('reported', 'triaging', perms('crew'))).toBe('not_permitted');
  });

  it('keeps closing for those who approve (a chef triages nothing; an instructor cannot close)', () => {
    expect(moveRefusal('resolved', 'closed', perms('manager'))).toBeNull();
    expect(moveRefusal('resolved', 'closed', perms('instructor'))).toBe('not_permitted');
  });

  it('refuses moves the workflow does not have, whoever asks', () => {
    expect(moveRefusal('reported', 'closed', perms('admin'))).toBe('no_such_move');
    expect(moveRefusal('closed', 'triaging', perms('admin'))).toBe('no_such_move');
    expect(moveRefusal('triaging', 'triaging', perms('admin'))).toBe('no_such_move');
  });

  it('reopens only from resolved or closed, and a reopened incident goes back to triage', () => {
    expect(movesFor('closed', perms('admin'))).toEqual(['reopened']);
    expect(movesFor('reopened', perms('admin'))).toEqual(['triaging', 'under_investigation']);
    expect(moveRefusal('action_required', 'reopened', perms('admin'))).toBe('no_such_move');
  });

  it('names every permission it asks for as a real one held by some default role', () => {
    for (const m of WORKFLOW_MOVES) expect(DEFAULT_ROLES.some((r) => r.permissions.includes(m.permission))).toBe(true);
  });
});
