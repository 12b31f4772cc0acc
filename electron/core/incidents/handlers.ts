import { keepPhoto, photoContent, photosOf } from '../attachments/photos.js';
import { AppError } from '../../../shared/errors.js';
import { actorOf } from '../api/actor.js';
import { newId } from '../../../shared/ids.js';
import type { incidentsContract } from '../../../shared/incidents/contract.js';
import { tallyDashboard } from '../../../shared/incidents/dashboard.js';
import { incidentTrends } from '../../../shared/incidents/trends.js';
import { ESCALATION_CHAINS, MAX_LEVEL } from '../../../shared/incidents/escalation.js';
import {
  acknowledgeEscalation,
  addAction,
  addPlace,
  escalateIncident,
  moveIncident,
  pauseSla,
  reportIncident,
  setActionStatus,
  setSlaTarget,
} from '../../../shared/incidents/mutations.js';
import { defaultPlacesOf } from '../../../shared/incidents/places.js';
import { setRegulatory } from '../../../shared/incidents/record-mutations.js';
import { changedRegulatory, defaultRegulatory, regulatoryOf } from '../../../shared/incidents/regulatory.js';
import { movesFor, SEVERITIES, type IncidentType, type Severity } from '../../../shared/incidents/workflow.js';
import { can } from '../../../shared/permissions.js';
import { peopleAtSite } from '../auth/people.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import {
  eventsByIncident,
  listIncidents,
  mayView,
  openEscalations,
  placesOf,
  stageOf,
  targetsAt,
  type Db,
} from './queries.js';
import { createIncidentRecord } from './record.js';
import { createDashboardRead } from './dashboard-read.js';

type SiteKind = 'vessel' | 'restaurant';
type IncidentsHandlers = Pick<Handlers, keyof typeof incidentsContract>;

const viewerOf = (ctx: CallContext) => ({ id: ctx.signedIn!.person.id, permissions: ctx.signedIn!.person.permissions });

/** Handlers of the incidents area's API methods (shared/incidents/contract.ts). */
export function createIncidentsHandlers(deps: HandlerDeps): IncidentsHandlers {
  const db = deps.store.db as unknown as Db;
  const nowIso = () => new Date(deps.clock.now()).toISOString();
  const record = createIncidentRecord(deps);
  const files = () => {
    if (!deps.attachments) throw new AppError('INTERNAL', 'This kiosk keeps no attachments.');
    return deps.attachments.files;
  };
  const regulatoryNow = async (row: { id: string; type: IncidentType; severity: Severity }, kind: SiteKind) => {
    const stored = await db
      .selectFrom('incident_regulatory')
      .selectAll()
      .where('incident_id', '=', row.id)
      .executeTakeFirst();
    return stored
      ? { ...regulatoryOf(stored), saved: true }
      : { ...defaultRegulatory(kind, row.type, row.severity), saved: false };
  };
  const dashboardRows = createDashboardRead(deps.store.readRaw);

  const visibleIncident = async (id: string, ctx: CallContext) => {
    const site = await deps.site();
    const row = await db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', id)
      .where('site_id', '=', site.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // A confidential incident someone may not see answers as if it did not exist.
    if (!row || !mayView(row, viewerOf(ctx)))
      throw new AppError('NOT_FOUND', 'That incident is not on this site.', { incidentId: id });
    return { site, row };
  };

  return {
    'incidents.settings': async () => {
      const site = await deps.site();
      const [targets, own, places] = await Promise.all([
        targetsAt(db, site.id),
        db.selectFrom('incident_sla_targets').select('severity').where('site_id', '=', site.id).execute(),
        placesOf(db, site.id, site.kind),
      ]);
      const ownSeverities = new Set(own.map((r) => r.severity));
      const defaults = new Set(defaultPlacesOf(site.id, site.kind).map((p) => p.id));
      return {
        targets: SEVERITIES.map((severity) => ({ severity, ...targets[severity], own: ownSeverities.has(severity) })),
        places: places.map((p) => ({ ...p, own: !defaults.has(p.id) })),
      };
    },
    'incidents.setSlaTarget': async (input, ctx) => {
      await deps.runner.run(setSlaTarget, input, actorOf(ctx));
      return { ok: true as const };
    },
    'incidents.addPlace': async (input, ctx) => {
      const site = await deps.site();
      const taken = (await placesOf(db, site.id, site.kind)).some(
        (p) =>
          p.name.en.toLowerCase() === input.nameEn.toLowerCase() ||
          p.name.fr.toLowerCase() === input.nameFr.toLowerCase(),
      );
      if (taken)
        throw new AppError('CONFLICT', 'The site already has a place of that name.', {
          issues: [{ path: 'nameEn', message: 'already a place' }],
        });
      const id = newId();
      await deps.runner.run(addPlace, { id, ...input }, actorOf(ctx));
      return { id };
    },
    'incidents.addPhoto': async (input, ctx) => {
      const { site, row } = await visibleIncident(input.incidentId, ctx);
      const kept = await keepPhoto(
        { files: files(), runner: deps.runner, siteId: site.id },
        { kind: 'incident', id: row.id },
        input.photo,
        actorOf(ctx),
      );
      deps.attachments?.added();
      return kept;
    },
    'incidents.photo': async (input, ctx) => {
      const { site, row } = await visibleIncident(input.incidentId, ctx);
      return photoContent(deps.store.db, files(), site.id, { kind: 'incident', id: row.id }, input.photoId);
    },
    'incidents.places': async () => {
      const site = await deps.site();
      return placesOf(db, site.id, site.kind);
    },
    'incidents.report': async (input, ctx) => {
      const id = newId();
      await deps.runner.run(reportIncident, { ...input, id, eventId: newId() }, actorOf(ctx));
      await record.seal((await deps.site()).id, id);
      return { id };
    },
    'incidents.list': async (input, ctx) => {
      const site = await deps.site();
      return listIncidents(db, site, viewerOf(ctx), { open: input.open, now: nowIso() });
    },
    'incidents.detail': async (input, ctx) => {
      const { site, row } = await visibleIncident(input.id, ctx);
      const [summary] = (await listIncidents(db, site, viewerOf(ctx), { open: false, now: nowIso() })).filter(
        (s) => s.id === row.id,
      );
      const [history, escalations, actions, people, regulatory, photos] = await Promise.all([
        db
          .selectFrom('incident_events as e')
          .leftJoin('users as u', 'u.id', 'e.user_id')
          .select(['e.id', 'e.kind', 'e.from_stage', 'e.to_stage', 'e.reason', 'e.at', 'u.display_name'])
          .where('e.incident_id', '=', row.id)
          .orderBy('e.at')
          .orderBy('e.id')
          .execute(),
        db
          .selectFrom('incident_escalations as e')
          .leftJoin('users as r', 'r.id', 'e.raised_by')
          .leftJoin('users as a', 'a.id', 'e.acknowledged_by')
          .select([
            'e.id',
            'e.level',
            'e.reason',
            'e.note',
            'e.raised_at',
            'e.acknowledged_at',
            'r.display_name as raised_name',
            'a.display_name as ack_name',
          ])
          .where('e.incident_id', '=', row.id)
          .orderBy('e.level')
          .execute(),
        db
          .selectFrom('actions as x')
          .leftJoin('users as o', 'o.id', 'x.owner_id')
          .select(['x.id', 'x.kind', 'x.title', 'x.owner_id', 'x.due_date', 'x.status', 'o.display_name'])
          .where('x.source_kind', '=', 'incident')
          .where('x.source_id', '=', row.id)
          .where('x.deleted_at', 'is', null)
          .orderBy('x.due_date')
          .execute(),
        peopleAtSite(deps.store.db, site.id),
        regulatoryNow(row, site.kind),
        photosOf(deps.store.db, files(), site.id, 'incident', row.id),
      ]);
      const pauses = history.filter((h) => h.kind === 'sla_paused' || h.kind === 'sla_resumed');
      const chain = ESCALATION_CHAINS[site.kind];
      const perms = ctx.signedIn!.person.permissions;
      const top = escalations.reduce((m, e) => Math.max(m, e.level), 0);
      return {
        ...summary!,
        peopleInvolved: row.people_involved,
        immediateActions: row.immediate_actions,
        slaPaused: pauses.at(-1)?.kind === 'sla_paused',
        moves: movesFor(stageOf(row.stage), perms),
        canEscalate: can(perms, 'incidents.triage') && top < MAX_LEVEL,
        history: history.map((h) => ({
          id: h.id,
          kind: h.kind,
          from: h.from_stage,
          to: h.to_stage,
          reason: h.reason,
          personName: h.display_name,
          at: h.at,
        })),
        escalations: escalations.map((e) => ({
          id: e.id,
          level: e.level,
          levelName: chain.find((l) => l.level === e.level)?.name ?? {
            en: `Level ${e.level}`,
            fr: `Niveau ${e.level}`,
          },
          reason: e.reason,
          note: e.note,
          raisedAt: e.raised_at,
          raisedByName: e.raised_name,
          acknowledgedAt: e.acknowledged_at,
          acknowledgedByName: e.ack_name,
        })),
        actions: actions.map((x) => ({
          id: x.id,
          kind: x.kind,
          title: x.title,
          ownerId: x.owner_id,
          ownerName: x.display_name,
          dueDate: x.due_date,
          status: x.status,
        })),
        regulatory,
        photos,
        canEditRegulatory: can(perms, 'incidents.triage'),
        canPause: can(perms, 'incidents.triage') && !['resolved', 'closed'].includes(row.stage),
        people: people.map((p) => ({ id: p.id, displayName: p.displayName })),
      };
    },
    'incidents.move': async (input, ctx) => {
      const { site, row } = await visibleIncident(input.id, ctx);
      await deps.runner.run(
        moveIncident,
        { incidentId: row.id, eventId: newId(), from: stageOf(row.stage), to: input.to, reason: input.reason },
        actorOf(ctx),
      );
      await record.seal(site.id, row.id);
      return { ok: true as const };
    },
    'incidents.pauseSla': async (input, ctx) => {
      const { site } = await visibleIncident(input.id, ctx);
      await deps.runner.run(
        pauseSla,
        { incidentId: input.id, eventId: newId(), paused: input.paused, reason: input.reason },
        actorOf(ctx),
      );
      await record.seal(site.id, input.id);
      return { ok: true as const };
    },
    'incidents.verify': async (input, ctx) => {
      const { site } = await visibleIncident(input.id, ctx);
      return (await record.verify(site.id, input.id))!;
    },
    'incidents.checkRecordFile': (input) => record.checkFile(input.base64),
    'incidents.setRegulatory': async (input, ctx) => {
      const { site, row } = await visibleIncident(input.id, ctx);
      const current = await regulatoryNow(row, site.kind);
      // The first save stores the whole log, defaults included: from then on it is the site's word.
      const changes = current.saved ? changedRegulatory(current, input.regulatory) : input.regulatory;
      const changed = Object.keys(changes);
      if (changed.length) await deps.runner.run(setRegulatory, { incidentId: row.id, changes }, actorOf(ctx));
      return { changed };
    },
    'incidents.escalate': async (input, ctx) => {
      const { row } = await visibleIncident(input.id, ctx);
      const levels = await db
        .selectFrom('incident_escalations')
        .select('level')
        .where('incident_id', '=', row.id)
        .execute();
      const level = levels.reduce((m, l) => Math.max(m, l.level), 0) + 1;
      if (level > MAX_LEVEL)
        throw new AppError('CONFLICT', 'This incident is already escalated to the top of the chain.', {
          level: MAX_LEVEL,
        });
      await deps.runner.run(escalateIncident, { incidentId: row.id, level, note: input.note }, actorOf(ctx));
      return { level };
    },
    'incidents.alerts': async (_input, ctx) => {
      const site = await deps.site();
      return openEscalations(db, site, ctx.signedIn!.person.roleCode, viewerOf(ctx));
    },
    'incidents.acknowledge': async (input, ctx) => {
      // The PIN again, as on a locked screen: the person at the kiosk is the one signed in.
      await deps.auth.unlock(ctx.token, input.pin);
      await deps.runner.run(acknowledgeEscalation, { escalationId: input.escalationId }, actorOf(ctx));
      return { ok: true as const };
    },
    'incidents.addAction': async (input, ctx) => {
      await visibleIncident(input.incidentId, ctx);
      const id = newId();
      await deps.runner.run(
        addAction,
        {
          id,
          sourceKind: 'incident',
          sourceId: input.incidentId,
          kind: input.kind,
          title: input.title,
          ownerId: input.ownerId,
          dueDate: input.dueDate,
        },
        actorOf(ctx),
      );
      return { id };
    },
    'incidents.setActionStatus': async (input, ctx) => {
      await deps.runner.run(setActionStatus, { id: input.id, status: input.status }, actorOf(ctx));
      return { ok: true as const };
    },
    'incidents.dashboard': async (_input, ctx) => {
      const site = await deps.site();
      const [targets, escalations] = await Promise.all([
        targetsAt(db, site.id),
        openEscalations(db, site, null, viewerOf(ctx)),
      ]);
      const rows = dashboardRows(site.id);
      const now = deps.clock.now();
      const figures = tallyDashboard(rows, targets, now);
      const trends = incidentTrends(
        rows.map((r) => ({ reportedAt: r.marks.start, severity: r.severity })),
        now,
        site.timezone,
      );
      return { ...figures, escalations, trends };
    },
  };
}
