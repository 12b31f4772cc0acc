import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { ACTION_MOVES } from './corrective-actions.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const l10n = z.object({ en: z.string(), fr: z.string() });
const actionStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);

export const correctiveAction = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  reportTitle: l10n,
  itemId: z.string().nullable(),
  /** The failed item's label in both languages (the English title when the item is unknown). */
  title: l10n,
  ownerRole: z.string().nullable(),
  dueDate: z.string(),
  status: actionStatus,
  /** Not done by its due date (site calendar). */
  overdue: z.boolean(),
  /** Days since it was raised, at the site. */
  ageDays: z.number().int(),
  /** Moves the signed-in person may make now. */
  nextMoves: z.array(z.enum(ACTION_MOVES)),
  steps: z.array(
    z.object({
      to: actionStatus,
      note: z.string().nullable(),
      userName: z.string().nullable(),
      roleCode: z.string(),
      at: z.string(),
    }),
  ),
});

/** Corrective actions raised by compliance reports: the list, and a move signed with a PIN. */
export const complianceActionsContract = {
  'compliance.actions': method({
    access: 'compliance.fill',
    input: z.object({ status: z.array(actionStatus).max(4).optional() }).strict(),
    output: z.object({ today: z.string(), actions: z.array(correctiveAction) }),
    touchesSession: false,
  }),
  'compliance.moveAction': method({
    access: 'compliance.fill',
    input: z
      .object({
        actionId: z.uuid(),
        to: z.enum(ACTION_MOVES),
        pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits'),
        note: z.string().trim().max(2000).nullable().default(null),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
} as const;
