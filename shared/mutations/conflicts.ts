import { z } from 'zod';
import { generateClasses } from '../classes/generate-run.js';
import { AppError } from '../errors.js';
import { can } from '../permissions.js';
import { editedRecord } from '../sync/edited-records.js';
import { readLostEdit } from '../sync/lost-edit.js';
import { defineMutation, type MutationContext } from './define.js';

/**
 * A supervisor has looked at a conflict (a refused, overwritten or dead-lettered change) and dealt
 * with it. The record stays; it is only marked resolved, by whom and when.
 */
export const resolveConflict = defineMutation({
  name: 'conflicts.resolve',
  version: 1,
  authority: 'conflicts.resolve',
  args: z.object({ id: z.uuid() }).strict(),
  run: (ctx, a) => ctx.write.update('conflicts', a.id, { resolved_at: ctx.now, resolved_by: ctx.userId }),
});

/** Fields whose change means a student's classes must be generated again, as classes.updateStudent does. */
const STUDENT_PLAN = ['course', 'start_date', 'end_date', 'schedule'];

/**
 * "Use mine instead": puts back the values of an edit that lost to a later one (a LATER_EDIT_WON
 * conflict), as a new edit made now, and marks the conflict resolved. The values come from the
 * conflict record the server wrote, never from the kiosk's arguments, and the person needs the
 * right to edit each record as well as to deal with conflicts (or be the one who made the edit).
 *
 * @example
 * await runner.run(useMine, { id: conflictId }, actor);
 */
export const useMine = defineMutation({
  name: 'conflicts.useMine',
  version: 1,
  // Checked per record below: the permission depends on what the edit changed.
  authority: 'session',
  args: z.object({ id: z.uuid() }).strict(),
  async run(ctx, a) {
    const c = await ctx.db
      .selectFrom('conflicts')
      .select(['code', 'args', 'user_id', 'resolved_at'])
      .where('id', '=', a.id)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', 'That conflict is not on this site.', { conflictId: a.id });
    const lost = readLostEdit(c.code, c.args);
    if (!lost)
      throw new AppError(
        'CONFLICT',
        'This conflict is not about an edit that lost to a later one: there is no value of yours to put back. Mark it resolved instead.',
        { conflictId: a.id },
      );
    if (c.resolved_at !== null)
      throw new AppError('CONFLICT', 'Someone has already dealt with this conflict.', { conflictId: a.id });
    if (!can(ctx.permissions, 'conflicts.resolve') && ctx.userId !== c.user_id)
      throw new AppError(
        'FORBIDDEN',
        'Only the person who made this edit, or someone who may resolve conflicts, can put it back.',
        { conflictId: a.id },
      );

    const byRow = new Map<string, { table: string; id: string; patch: Record<string, unknown> }>();
    for (const ch of lost.changes) {
      const rec = editedRecord(ch.table);
      if (!rec)
        throw new AppError('CONFLICT', `Changes to ${ch.table} cannot be put back from the conflicts list.`, {
          table: ch.table,
        });
      if (!can(ctx.permissions, rec.editPermission))
        throw new AppError(
          'FORBIDDEN',
          `Putting this back needs "${rec.editPermission}", which your role at this site does not have.`,
          { permission: rec.editPermission },
        );
      const key = `${ch.table}:${ch.id}`;
      let row = byRow.get(key);
      if (!row) byRow.set(key, (row = { table: ch.table, id: ch.id, patch: {} }));
      row.patch[ch.field] = ch.mine;
    }
    for (const row of byRow.values()) await putBack(ctx, row.table, row.id, row.patch);
    await ctx.write.update('conflicts', a.id, { resolved_at: ctx.now, resolved_by: ctx.userId });
  },
});

async function putBack(ctx: MutationContext, table: string, id: string, patch: Record<string, unknown>) {
  const planChanged = table === 'students' && STUDENT_PLAN.some((f) => f in patch);
  // The registry only names synced tables; the writer checks the site and the columns again.
  await ctx.write.update(
    table as 'students',
    id,
    (planChanged ? { ...patch, schedule_since: ctx.now } : patch) as never,
  );
  if (planChanged) await generateClasses(ctx, { studentIds: [id], from: 'today', removeUnfit: true });
}
