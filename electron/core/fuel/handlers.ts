import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { explainAnomaly } from '../../../shared/fuel/anomaly-explanation.js';
import { investigateAnomaly } from '../../../shared/fuel/anomaly-mutations.js';
import type { fuelContract, livePoint } from '../../../shared/fuel/contract.js';
import { inForce, logBunkering, logNoonReport, logSounding } from '../../../shared/fuel/log-mutations.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type FuelHandlers = Pick<Handlers, keyof typeof fuelContract>;
type LivePoint = z.infer<typeof livePoint>;

/** The newest readings are looked for among this many raw samples, not the whole voyage. */
const RECENT_SAMPLES = 2000;
/** At most this many raw points a poll: a bridge view opened late starts from the newest ones. */
const MAX_POINTS = 3000;
const LOGS_EACH = 40;

interface RawRow {
  seq: number;
  kind: string;
  at: string;
  data: string;
}

const pointOf = (r: RawRow): LivePoint | null => {
  const d = JSON.parse(r.data) as Record<string, number>;
  const value = r.kind === 'sog' ? d.sogKn : r.kind === 'stw' ? d.stwKn : r.kind === 'rpm' ? d.rpm : d.litresPerHour;
  if (typeof value !== 'number') return null;
  return { seq: r.seq, kind: r.kind as LivePoint['kind'], engine: d.engine ?? null, value, at: r.at };
};

/** Handlers of the fuel area's API methods (shared/fuel/contract.ts); vessel sites only. */
export function createFuelHandlers(deps: HandlerDeps): FuelHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;

  /** Raw samples of this site, newest last: after `afterSeq`, or the newest `limit` ones. */
  const rawSamples = (siteId: string, afterSeq: number, limit: number, kinds: string[]): RawRow[] => {
    const rows = deps.store.readRaw
      .prepare(
        `SELECT seq, kind, COALESCE(source_time, received_at) AS at, data FROM fuel_raw_samples
          WHERE site_id = ? AND seq > ? AND kind IN (${kinds.map(() => '?').join(',')})
          ORDER BY seq DESC LIMIT ?`,
      )
      .all(siteId, afterSeq, ...kinds, limit) as RawRow[];
    return rows.reverse();
  };

  const vessel = async () => {
    const site = await deps.site();
    if (site.kind !== 'vessel')
      throw new AppError('FORBIDDEN', 'Fuel belongs to vessels; this site is not a vessel.', { field: 'siteId' });
    return site;
  };

  const tanks = async (siteId: string) => {
    const rows = inForce(
      await db.selectFrom('fuel_soundings').selectAll().where('site_id', '=', siteId).orderBy('measured_at').execute(),
    );
    const newest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) newest.set(r.tank, r);
    return [...newest.values()]
      .sort((a, b) => a.tank.localeCompare(b.tank))
      .map((r) => ({ tank: r.tank, fuelType: r.fuel_type, volumeM3: r.volume_m3, measuredAt: r.measured_at }));
  };

  return {
    'fuel.live': async (input) => {
      const site = await vessel();
      const lastSeq =
        (
          deps.store.readRaw.prepare('SELECT MAX(seq) AS s FROM fuel_raw_samples WHERE site_id = ?').get(site.id) as {
            s: number | null;
          }
        ).s ?? 0;
      const recent = rawSamples(site.id, Math.max(0, lastSeq - RECENT_SAMPLES), RECENT_SAMPLES, [
        'sog',
        'stw',
        'rpm',
        'fuel_rate',
      ])
        .map(pointOf)
        .filter((p): p is LivePoint => p !== null);
      const engines = new Map<
        number,
        { engine: number; rpm: number | null; litresPerHour: number | null; at: string }
      >();
      let sogKn: number | null = null;
      let stwKn: number | null = null;
      for (const p of recent) {
        if (p.kind === 'sog') sogKn = p.value;
        else if (p.kind === 'stw') stwKn = p.value;
        else {
          const e = engines.get(p.engine!) ?? { engine: p.engine!, rpm: null, litresPerHour: null, at: p.at };
          if (p.kind === 'rpm') e.rpm = p.value;
          else e.litresPerHour = p.value;
          e.at = p.at;
          engines.set(p.engine!, e);
        }
      }
      const points =
        input.afterSeq >= lastSeq
          ? []
          : rawSamples(site.id, input.afterSeq, MAX_POINTS, ['sog', 'stw', 'rpm', 'fuel_rate'])
              .map(pointOf)
              .filter((p): p is LivePoint => p !== null);
      return {
        engines: [...engines.values()].sort((a, b) => a.engine - b.engine),
        sogKn,
        stwKn,
        tanks: await tanks(site.id),
        points,
        lastSeq,
      };
    },

    'fuel.series': async (input) => {
      const site = await vessel();
      const newest = await db
        .selectFrom('fuel_minutes')
        .select('minute')
        .where('site_id', '=', site.id)
        .orderBy('minute', 'desc')
        .limit(1)
        .executeTakeFirst();
      // Up to the newest minute or now, whichever is later: GPS time may run ahead of the kiosk.
      const end = Math.max(deps.clock.now(), newest ? Date.parse(newest.minute) : 0);
      const from = new Date(end - input.hours * 3_600_000).toISOString();
      const rows = await db
        .selectFrom('fuel_minutes')
        .select(['minute', 'engine', 'fuel_lph', 'rpm', 'sog_kn', 'stw_kn'])
        .where('site_id', '=', site.id)
        .where('minute', '>=', from)
        .orderBy('minute')
        .orderBy('engine')
        .execute();
      return rows.map((r) => ({
        minute: r.minute,
        engine: r.engine,
        fuelLph: r.fuel_lph,
        rpm: r.rpm,
        sogKn: r.sog_kn,
        stwKn: r.stw_kn,
      }));
    },

    'fuel.log': async (input, ctx) => {
      const id = newId();
      const common = { id, corrects: input.corrects };
      if (input.log === 'bunkering') await deps.runner.run(logBunkering, { ...input.fields, ...common }, actorOf(ctx));
      else if (input.log === 'sounding')
        await deps.runner.run(logSounding, { ...input.fields, ...common }, actorOf(ctx));
      else await deps.runner.run(logNoonReport, { ...input.fields, ...common }, actorOf(ctx));
      return { id };
    },

    'fuel.logs': async () => {
      const site = await vessel();
      const [bunkerings, soundings, noons] = await Promise.all([
        db
          .selectFrom('fuel_bunkerings')
          .selectAll()
          .where('site_id', '=', site.id)
          .orderBy('delivered_at', 'desc')
          .limit(LOGS_EACH)
          .execute(),
        db
          .selectFrom('fuel_soundings')
          .selectAll()
          .where('site_id', '=', site.id)
          .orderBy('measured_at', 'desc')
          .limit(LOGS_EACH)
          .execute(),
        db
          .selectFrom('fuel_noon_reports')
          .selectAll()
          .where('site_id', '=', site.id)
          .orderBy('report_date', 'desc')
          .limit(LOGS_EACH)
          .execute(),
      ]);
      const live = (rows: readonly { id: string; corrects_id: string | null }[]) =>
        new Set(inForce(rows).map((r) => r.id));
      const [b, s, n] = [live(bunkerings), live(soundings), live(noons)];
      return [
        ...bunkerings.map((r) => ({
          id: r.id,
          log: 'bunkering' as const,
          at: r.delivered_at,
          summary: `${r.port} · ${r.fuel_type} ${r.quantity_t} t · ${r.note_number}`,
          corrects: r.corrects_id,
          inForce: b.has(r.id),
        })),
        ...soundings.map((r) => ({
          id: r.id,
          log: 'sounding' as const,
          at: r.measured_at,
          summary: `${r.tank} · ${r.fuel_type} ${r.volume_m3} m³`,
          corrects: r.corrects_id,
          inForce: s.has(r.id),
        })),
        ...noons.map((r) => ({
          id: r.id,
          log: 'noon' as const,
          at: r.report_date,
          summary: `${r.distance_nm} nm · ${r.hours_steaming} h · ${r.loading}`,
          corrects: r.corrects_id,
          inForce: n.has(r.id),
        })),
      ].sort((x, y) => y.at.localeCompare(x.at));
    },

    'fuel.anomalies': async (input) => {
      const site = await vessel();
      let q = db.selectFrom('fuel_anomalies').selectAll().where('site_id', '=', site.id);
      if (input.status?.length) q = q.where('status', 'in', input.status);
      const rows = await q.orderBy('detected_at', 'desc').limit(200).execute();
      const actionIds = rows.map((r) => r.action).filter((a): a is string => a !== null);
      const actions = actionIds.length
        ? await db
            .selectFrom('actions')
            .select(['id', 'title', 'due_date', 'status'])
            .where('id', 'in', actionIds)
            .where('site_id', '=', site.id)
            .execute()
        : [];
      const byId = new Map(actions.map((a) => [a.id, a]));
      return rows.map((r) => {
        const a = r.action ? byId.get(r.action) : undefined;
        return {
          id: r.id,
          ...explainAnomaly(r),
          status: r.status,
          rootCause: r.root_cause,
          resolution: r.resolution,
          action: a ? { id: a.id, title: a.title, dueDate: a.due_date, status: a.status } : null,
        };
      });
    },

    'fuel.investigate': async (input, ctx) => {
      const actor = actorOf(ctx);
      const action = input.action ? { ...input.action, id: newId(), ownerId: actor.userId } : null;
      await deps.runner.run(investigateAnomaly, { ...input, action }, actor);
      return { actionId: action?.id ?? null };
    },
  };
}
