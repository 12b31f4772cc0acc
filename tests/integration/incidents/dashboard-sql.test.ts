import { describe, expect, it } from 'vitest';
import { DASHBOARD_ROWS_SQL } from '../../../electron/core/incidents/dashboard-read.js';
import { eventsByIncident, stageOf, targetsAt, type Db } from '../../../electron/core/incidents/queries.js';
import { demoSiteId } from '../../../shared/demo.js';
import { derivedId } from '../../../shared/ids.js';
import { dashboardFigures } from '../../../shared/incidents/dashboard.js';
import { incidentTrends } from '../../../shared/incidents/trends.js';
import { defaultPlacesOf } from '../../../shared/incidents/places.js';
import { INCIDENT_TYPES, SEVERITIES, type Stage } from '../../../shared/incidents/workflow.js';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';

/** A small seeded generator (mulberry32): the same 500 histories on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

const NEXT: Record<Stage, Stage[]> = {
  reported: ['triaging', 'resolved'],
  triaging: ['under_investigation', 'escalated', 'resolved'],
  under_investigation: ['action_required', 'escalated', 'resolved'],
  escalated: ['action_required', 'resolved'],
  action_required: ['resolved'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['triaging', 'resolved'],
};

describe('incidents dashboard read in SQL', () => {
  it('equals the pure figures over the full histories of 500 random incidents with pauses and reopens', async () => {
    const T0 = Date.parse('2026-11-01T00:00:00Z');
    const now = T0 + 30 * 86_400_000;
    const { kiosk, clock } = await makeKiosk({ siteKey: 'restaurant' });
    clock.set(now);
    const site = demoSiteId('restaurant');
    const other = demoSiteId('vessel');
    const places = defaultPlacesOf(site, 'restaurant');
    const rnd = seeded(12);
    const raw = kiosk.store.raw;
    const insertIncident = raw.prepare(
      `INSERT INTO incidents (id, site_id, type, severity, place_id, occurred_at, what_happened, people_involved, immediate_actions, reporter_id, confidential, stage, stage_changed_at, stage_changed_by, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, 'x', '', '', 'r', 0, ?, ?, NULL, ?, ?, ?)`,
    );
    const insertEvent = raw.prepare(
      `INSERT INTO incident_events (id, site_id, incident_id, kind, from_stage, to_stage, reason, user_id, device_id, at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', NULL, 'test', ?, ?, ?)`,
    );
    const iso = (t: number) => new Date(t).toISOString();
    await kiosk.store.transaction(() =>
      kiosk.store.gate.openAsync(async () => {
        for (let i = 0; i < 520; i++) {
          const id = derivedId('dash-test', String(i));
          // The last 20: deleted, or of another site; neither may count.
          const siteId = i >= 510 ? other : site;
          const deleted = i >= 500 && i < 510 ? iso(now) : null;
          // Reported within the 30 days, to the millisecond, so some clocks still run at `now`.
          let t = T0 + rnd.int(30 * 86_400_000);
          const reportedAt = t;
          let stage: Stage = 'reported';
          let paused = false;
          let n = 0;
          const event = (kind: string, from: string | null, to: string | null) =>
            insertEvent.run(
              derivedId('dash-test', String(i), String(n++)),
              siteId,
              id,
              kind,
              from,
              to,
              iso(t),
              iso(t),
              iso(t),
            );
          event('reported', null, 'reported');
          const steps = rnd.int(9);
          for (let s = 0; s < steps; s++) {
            t += 1 + rnd.int(rnd.next() < 0.5 ? 90 * 60_000 : 3 * 86_400_000);
            if (t >= now) break;
            if (rnd.next() < 0.3) {
              event(paused ? 'sla_resumed' : 'sla_paused', null, null);
              paused = !paused;
            } else {
              const to: Stage = rnd.pick(NEXT[stage]);
              event('move', stage, to);
              stage = to;
            }
          }
          // A few whose stage says done with no move into it (as pulled half-way): the clock runs.
          if (rnd.next() < 0.03) stage = 'resolved';
          insertIncident.run(
            id,
            siteId,
            rnd.pick(INCIDENT_TYPES),
            rnd.pick(SEVERITIES),
            rnd.pick(places).id,
            iso(reportedAt),
            stage,
            iso(t),
            iso(reportedAt),
            iso(t),
            deleted,
          );
        }
      }),
    );

    const token = await signIn(kiosk, 'manager');
    const res = await call(kiosk, 'incidents.dashboard', {}, token);
    if (!res.ok) throw new Error(res.error.message);
    const { escalations: _, trends, ...figures } = res.value as Record<string, unknown>;

    // The reference: every incident row and every history event read as they are, then the pure function.
    const db = kiosk.store.db as unknown as Db;
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'type', 'severity', 'stage', 'place_id', 'created_at'])
      .where('site_id', '=', site)
      .where('deleted_at', 'is', null)
      .execute();
    const events = await eventsByIncident(db, site, null);
    const expected = dashboardFigures({
      incidents: rows.map((r) => ({
        id: r.id,
        type: r.type,
        severity: r.severity,
        stage: stageOf(r.stage),
        placeId: r.place_id,
        reportedAt: r.created_at,
      })),
      eventsOf: (id) => events.get(id) ?? [],
      targets: await targetsAt(db, site),
      now: iso(now),
    });
    expect(rows).toHaveLength(500);
    expect(figures).toEqual(expected);
    // The trends count the same rows by their reporting instant, in the site's zone.
    const { timezone } = await db
      .selectFrom('sites')
      .select('timezone')
      .where('id', '=', site)
      .executeTakeFirstOrThrow();
    const expectedTrends = incidentTrends(
      rows.map((r) => ({ reportedAt: Date.parse(r.created_at), severity: r.severity })),
      now,
      timezone,
    );
    expect(trends).toEqual(expectedTrends);
    expect(
      expectedTrends.month.reduce((n, b) => n + Object.values(b.counts).reduce((a, c) => a + c, 0), 0),
    ).toBeGreaterThan(0);
    // The data reaches every branch: running, paused, breached and finished clocks all occur.
    const sla = expected.sla;
    expect(Math.min(sla.onTrack, sla.atRisk, sla.overdue, sla.paused, sla.met, sla.missed)).toBeGreaterThan(0);
    expect(expected.open).toBeGreaterThan(0);
    expect(expected.open).toBeLessThan(500);

    // Migration 0022: the marks are index seeks on the covering index, not scans of the history.
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${DASHBOARD_ROWS_SQL}`).all(site) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/COVERING INDEX incident_events_marks \(incident_id=\? AND kind=\? AND from_stage=\?\)/);
    expect(plan).toMatch(/COVERING INDEX incident_events_marks \(incident_id=\? AND kind=\?\)/);
  });
});
