import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { isIsoDate } from '../classes/site-time.js';
import { autoLevel, escalationId, levelsToRaise, MAX_LEVEL } from './escalation.js';
import { defaultPlacesOf } from './places.js';
import { readSla } from './read-sla.js';
import { slaTargetId } from './sla-targets.js';
import { INCIDENT_TYPES, isStage, moveRefusal, SEVERITIES, STAGES, type Stage } from './workflow.js';

const text = (max: number) => z.string().trim().max(max);
const isoInstant = z.iso.datetime({ offset: true });

export const reportFields = z
  .object({
    type: z.enum(INCIDENT_TYPES),
    severity: z.enum(SEVERITIES),
    placeId: z.uuid(),
    occurredAt: isoInstant,
    whatHappened: text(4000).min(1, 'Say in a few words what happened'),
    peopleInvolved: text(1000),
    immediateActions: text(2000),
    confidential: z.boolean(),
  })
  .strict();

/** The incident as the site holds it, or a NOT_FOUND a person understands. */
export async function requireIncident(ctx: MutationContext, id: string) {
  const row = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That incident is not on this site.', { incidentId: id });
  return row;
}

async function siteKind(ctx: MutationContext): Promise<'vessel' | 'restaurant'> {
  const s = await ctx.db.selectFrom('sites').select('kind').where('id', '=', ctx.siteId).executeTakeFirst();
  return s?.kind ?? 'restaurant';
}

async function addEvent(
  ctx: MutationContext,
  e: { id: string; incidentId: string; kind: 'reported' | 'move' | 'sla_paused' | 'sla_resumed' } & Partial<{
    from: string | null;
    to: string | null;
    reason: string;
  }>,
) {
  await ctx.write.insert('incident_events', {
    id: e.id,
    site_id: ctx.siteId,
    incident_id: e.incidentId,
    kind: e.kind,
    from_stage: e.from ?? null,
    to_stage: e.to ?? null,
    reason: e.reason ?? '',
    user_id: ctx.userId,
    device_id: ctx.deviceId,
    at: ctx.now,
  });
}

/** Inserts an escalation unless another kiosk already raised that level (same derived id). */
async function raise(
  ctx: MutationContext,
  incidentId: string,
  level: number,
  reason: 'critical' | 'sla_breach' | 'manual',
  note = '',
) {
  await ctx.write.insertIfAbsent('incident_escalations', {
    id: escalationId(incidentId, level),
    site_id: ctx.siteId,
    incident_id: incidentId,
    level,
    reason,
    note,
    raised_at: ctx.now,
    raised_by: ctx.userId,
    device_id: ctx.deviceId,
    acknowledged_at: null,
    acknowledged_by: null,
  });
}

/**
 * Reports an incident. A critical one escalates to level 1 at once, in the same mutation, so it
 * reaches the officer of the watch (or the shift lead) before anyone triages.
 */
export const reportIncident = defineMutation({
  name: 'incidents.report',
  version: 1,
  authority: 'incidents.report',
  args: reportFields.extend({ id: z.uuid(), eventId: z.uuid() }).strict(),
  async run(ctx, a) {
    if (ctx.userId === null) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN to report an incident.');
    const kind = await siteKind(ctx);
    const known =
      defaultPlacesOf(ctx.siteId, kind).some((p) => p.id === a.placeId) ||
      (await ctx.db
        .selectFrom('incident_places')
        .select('id')
        .where('id', '=', a.placeId)
        .where('site_id', '=', ctx.siteId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()) !== undefined;
    if (!known)
      throw new AppError('VALIDATION_FAILED', 'Choose the place from the list of this site’s places.', {
        issues: [{ path: 'placeId', message: 'not a place of this site' }],
      });
    await ctx.write.insert('incidents', {
      id: a.id,
      site_id: ctx.siteId,
      type: a.type,
      severity: a.severity,
      place_id: a.placeId,
      occurred_at: new Date(a.occurredAt).toISOString(),
      what_happened: a.whatHappened,
      people_involved: a.peopleInvolved,
      immediate_actions: a.immediateActions,
      reporter_id: ctx.userId,
      confidential: a.confidential ? 1 : 0,
      stage: 'reported',
      stage_changed_at: ctx.now,
      stage_changed_by: ctx.userId,
      deleted_at: null,
    });
    await addEvent(ctx, { id: a.eventId, incidentId: a.id, kind: 'reported', to: 'reported' });
    if (a.severity === 'critical') await raise(ctx, a.id, 1, 'critical');
  },
});

/**
 * One workflow move, checked against WORKFLOW_MOVES with the person's permissions (again on the
 * server). `from` is the stage the person saw: two kiosks moving the same incident offline both
 * record their move in the history, and the incident's stage is the move made later (the merge
 * rule); the other becomes a conflict record supervisors read. `from` must be a stage the incident
 * has really been in.
 */
export const moveIncident = defineMutation({
  name: 'incidents.move',
  version: 1,
  authority: 'incidents.report',
  args: z
    .object({
      incidentId: z.uuid(),
      eventId: z.uuid(),
      from: z.enum(STAGES),
      to: z.enum(STAGES),
      reason: text(1000),
    })
    .strict(),
  async run(ctx, a) {
    const incident = await requireIncident(ctx, a.incidentId);
    if (!ctx.replaying) {
      const refusal = moveRefusal(a.from, a.to, ctx.permissions);
      if (refusal === 'no_such_move')
        throw new AppError('CONFLICT', `An incident cannot go from ${a.from} to ${a.to}.`, { from: a.from, to: a.to });
      if (refusal === 'not_permitted')
        throw new AppError('FORBIDDEN', `Your role may not move an incident to ${a.to}.`, { to: a.to });
    }
    if (a.from !== incident.stage) {
      const been = await ctx.db
        .selectFrom('incident_events')
        .select('id')
        .where('incident_id', '=', a.incidentId)
        .where('to_stage', '=', a.from)
        .executeTakeFirst();
      if (!been)
        throw new AppError('CONFLICT', `This incident has never been ${a.from}; reload it and try again.`, {
          from: a.from,
        });
    }
    await addEvent(ctx, {
      id: a.eventId,
      incidentId: a.incidentId,
      kind: 'move',
      from: a.from,
      to: a.to,
      reason: a.reason,
    });
    await ctx.write.update('incidents', a.incidentId, {
      stage: a.to,
      stage_changed_at: ctx.now,
      stage_changed_by: ctx.userId,
    });
  },
});

/** Stops (or restarts) an incident's SLA clocks, e.g. while waiting for shore; the reason is kept. */
export const pauseSla = defineMutation({
  name: 'incidents.pauseSla',
  version: 1,
  authority: 'incidents.triage',
  args: z.object({ incidentId: z.uuid(), eventId: z.uuid(), paused: z.boolean(), reason: text(1000) }).strict(),
  async run(ctx, a) {
    await requireIncident(ctx, a.incidentId);
    const last = await ctx.db
      .selectFrom('incident_events')
      .select('kind')
      .where('incident_id', '=', a.incidentId)
      .where('kind', 'in', ['sla_paused', 'sla_resumed'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const pausedNow = last?.kind === 'sla_paused';
    // Pausing a paused clock (another kiosk did it first) changes nothing and needs no row.
    if (pausedNow === a.paused) return;
    await addEvent(ctx, {
      id: a.eventId,
      incidentId: a.incidentId,
      kind: a.paused ? 'sla_paused' : 'sla_resumed',
      reason: a.reason,
    });
  },
});

async function raisedLevels(ctx: MutationContext, incidentId: string): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('incident_escalations')
    .select('level')
    .where('incident_id', '=', incidentId)
    .execute();
  return rows.map((r) => r.level);
}

const escalationArgs = z
  .object({
    incidentId: z.uuid(),
    level: z.number().int().min(1).max(MAX_LEVEL),
    note: text(1000).default(''),
  })
  .strict();

/**
 * Escalates an incident one level by hand: someone who may triage, to the level above the
 * highest raised. Ids derive from (incident, level): two people doing it offline raise one row.
 */
export const escalateIncident = defineMutation({
  name: 'incidents.escalate',
  version: 1,
  authority: 'incidents.triage',
  args: escalationArgs,
  async run(ctx, a) {
    await requireIncident(ctx, a.incidentId);
    const raised = await raisedLevels(ctx, a.incidentId);
    if (raised.includes(a.level)) return;
    for (const level of levelsToRaise(a.level, raised)) await raise(ctx, a.incidentId, level, 'manual', a.note);
  },
});

/**
 * Escalates an incident to the level its severity and SLA call for (a kiosk's escalation watch,
 * any enrolled device). The server checks the level is due at the escalation's time, so a kiosk
 * cannot escalate early; levels another kiosk already raised are left alone.
 */
export const autoEscalateIncident = defineMutation({
  name: 'incidents.autoEscalate',
  version: 1,
  authority: 'device',
  args: escalationArgs,
  async run(ctx, a) {
    const incident = await requireIncident(ctx, a.incidentId);
    if (!ctx.replaying) {
      const sla = await readSla(ctx.db, incident, ctx.now);
      if (a.level > autoLevel(incident.severity, sla))
        throw new AppError('CONFLICT', `This incident is not due to escalate to level ${a.level} yet.`, {
          level: a.level,
        });
    }
    const raised = await raisedLevels(ctx, a.incidentId);
    const reason = incident.severity === 'critical' && a.level === 1 ? 'critical' : 'sla_breach';
    for (const level of levelsToRaise(a.level, raised)) await raise(ctx, a.incidentId, level, reason);
  },
});

/** Someone of that level has seen the escalation (they typed their PIN): the alert stops. */
export const acknowledgeEscalation = defineMutation({
  name: 'incidents.acknowledge',
  version: 1,
  authority: 'incidents.triage',
  args: z.object({ escalationId: z.uuid() }).strict(),
  async run(ctx, a) {
    const e = await ctx.db
      .selectFrom('incident_escalations')
      .select(['id', 'acknowledged_at'])
      .where('id', '=', a.escalationId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!e) throw new AppError('NOT_FOUND', 'That escalation is not on this site.', { escalationId: a.escalationId });
    // Acknowledged on another kiosk first: the first acknowledgement stands.
    if (e.acknowledged_at !== null) return;
    await ctx.write.update('incident_escalations', a.escalationId, {
      acknowledged_at: ctx.now,
      acknowledged_by: ctx.userId,
    });
  },
  merge: 'computed',
});

/** One severity's targets, as a screen sends them and the mutation checks them. */
export const slaTargetFields = z
  .object({
    severity: z.enum(SEVERITIES),
    ackMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
    resolveMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
  })
  .strict();

/** A site's own SLA target for one severity (replacing the default). */
export const setSlaTarget = defineMutation({
  name: 'incidents.setSlaTarget',
  version: 1,
  authority: 'settings.manage',
  args: slaTargetFields,
  async run(ctx, a) {
    if (a.resolveMinutes < a.ackMinutes)
      throw new AppError('VALIDATION_FAILED', 'The time to resolve cannot be shorter than the time to acknowledge.', {
        issues: [{ path: 'resolveMinutes', message: 'shorter than ackMinutes' }],
      });
    const id = slaTargetId(ctx.siteId, a.severity);
    const row = { ack_minutes: a.ackMinutes, resolve_minutes: a.resolveMinutes };
    if (
      !(await ctx.write.insertIfAbsent('incident_sla_targets', {
        id,
        site_id: ctx.siteId,
        severity: a.severity,
        ...row,
      }))
    )
      await ctx.write.update('incident_sla_targets', id, row);
  },
});

export const addPlace = defineMutation({
  name: 'incidents.addPlace',
  version: 1,
  authority: 'settings.manage',
  args: z.object({ id: z.uuid(), nameEn: text(80).min(1), nameFr: text(80).min(1) }).strict(),
  run: (ctx, a) =>
    ctx.write.insert('incident_places', {
      id: a.id,
      site_id: ctx.siteId,
      name_en: a.nameEn,
      name_fr: a.nameFr,
      deleted_at: null,
    }),
});

export const isoDateField = z.string().refine(isIsoDate, 'Expected a date written YYYY-MM-DD');
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

/** A corrective or preventive action, raised from an incident (or, later, a compliance report). */
export const addAction = defineMutation({
  name: 'actions.add',
  version: 1,
  authority: 'incidents.triage',
  args: z
    .object({
      id: z.uuid(),
      sourceKind: z.enum(['incident']).nullable(),
      sourceId: z.uuid().nullable(),
      kind: z.enum(['corrective', 'preventive']),
      title: text(300).min(1, 'Say what must be done'),
      ownerId: z.uuid().nullable(),
      dueDate: isoDateField,
    })
    .strict(),
  async run(ctx, a) {
    if ((a.sourceKind === null) !== (a.sourceId === null))
      throw new AppError('VALIDATION_FAILED', 'An action’s source needs both its kind and its id, or neither.', {
        issues: [{ path: 'sourceId', message: 'kind and id go together' }],
      });
    if (a.sourceKind === 'incident') await requireIncident(ctx, a.sourceId!);
    await ctx.write.insert('actions', {
      id: a.id,
      site_id: ctx.siteId,
      source_kind: a.sourceKind,
      source_id: a.sourceId,
      kind: a.kind,
      title: a.title,
      owner_id: a.ownerId,
      due_date: a.dueDate,
      status: 'open',
      created_by: ctx.userId,
      deleted_at: null,
      owner_role: null,
      source_item: null,
    });
  },
});

export const setActionStatus = defineMutation({
  name: 'actions.setStatus',
  version: 1,
  authority: 'incidents.triage',
  args: z.object({ id: z.uuid(), status: z.enum(ACTION_STATUSES) }).strict(),
  async run(ctx, a) {
    const row = await ctx.db
      .selectFrom('actions')
      .select('status')
      .where('id', '=', a.id)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That action is not on this site.', { actionId: a.id });
    if (row.status !== a.status) await ctx.write.update('actions', a.id, { status: a.status });
  },
});

/** Whether `stage` is a known stage (rows written by a newer app may hold one this app lacks). */
export const knownStage = (stage: string): Stage | null => (isStage(stage) ? stage : null);

/** Named mutations of the incidents area, merged into MUTATIONS (shared/mutations/index.ts). */
export const INCIDENTS_MUTATIONS: readonly MutationDef[] = [
  reportIncident,
  moveIncident,
  pauseSla,
  escalateIncident,
  autoEscalateIncident,
  acknowledgeEscalation,
  setSlaTarget,
  addPlace,
  addAction,
  setActionStatus,
] as unknown as readonly MutationDef[];
