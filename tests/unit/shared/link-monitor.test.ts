import { describe, expect, it } from 'vitest';
import { createLinkMonitor, type Route } from '../../../shared/sync/link-monitor.js';
import { mostSwitchesIn, simulateProbes } from '../../helpers/link-simulation.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const S = 1000;
const MIN = 60 * S;

const route = (name: string, priority: number, expensive = false): Route => ({
  name,
  url: `http://${name}.test:7400`,
  priority,
  cost: expensive ? 50 : 1,
  expensive,
});
const LAN = route('lan', 1);
const G4 = route('4g', 2);
const SAT = route('sat', 3, true);

/** One probe round at time `t`: every route, ok unless listed as failing. */
function round(m: ReturnType<typeof createLinkMonitor>, t: number, failing: string[] = [], queued = 0) {
  return m.routes.flatMap((r) => m.observe({ route: r.name, ok: !failing.includes(r.name), at: t }, { queued }));
}

describe('link monitor', () => {
  it('starts on the first choice and orders routes by priority whatever order they are given in', () => {
    const m = createLinkMonitor([SAT, LAN, G4]);
    expect(m.routes.map((r) => r.name)).toEqual(['lan', '4g', 'sat']);
    expect(m.active).toBe('lan');
  });

  it('refuses two routes with one name', () => {
    expect(() => createLinkMonitor([LAN, { ...G4, name: 'lan' }])).toThrow(/Two routes are called "lan"/);
  });

  it('marks a route down after three failed probes in a row, not two, and up after three good ones', () => {
    const m = createLinkMonitor([LAN, G4]);
    const state = () => m.view().find((v) => v.route.name === '4g')!.state;
    for (let i = 1; i <= 2; i++) round(m, T0 + i * 5 * S, ['4g']);
    expect(state()).toBe('unknown');
    round(m, T0 + 15 * S, ['4g']);
    expect(state()).toBe('down');
    round(m, T0 + 20 * S);
    round(m, T0 + 25 * S);
    expect(state()).toBe('down');
    round(m, T0 + 30 * S);
    expect(state()).toBe('up');
  });

  it('fails over within 15 s of a link dying, to the best route that is up, and says why and what was queued', () => {
    const m = createLinkMonitor([LAN, G4, SAT]);
    for (let i = 1; i <= 3; i++) round(m, T0 + i * 5 * S);
    const events = [];
    // The LAN dies just after the round at 15 s; the 4G is down too, so the satellite takes over.
    for (let i = 4; i <= 6; i++) events.push(...round(m, T0 + i * 5 * S, ['lan', '4g'], 7));
    expect(m.active).toBe('sat');
    expect(events).toEqual([
      {
        kind: 'failover',
        from: 'lan',
        to: 'sat',
        reason: 'lan down after 3 failed probes',
        at: T0 + 30 * S,
        durationMs: 10 * S,
        queued: 7,
      },
    ]);
    expect(events[0].at - (T0 + 15 * S)).toBeLessThanOrEqual(15 * S);
  });

  it('fails over in priority order: LAN to 4G, then 4G to satellite', () => {
    const m = createLinkMonitor([LAN, G4, SAT]);
    for (let i = 1; i <= 3; i++) round(m, T0 + i * 5 * S);
    for (let i = 4; i <= 6; i++) round(m, T0 + i * 5 * S, ['lan']);
    expect(m.active).toBe('4g');
    for (let i = 7; i <= 9; i++) round(m, T0 + i * 5 * S, ['lan', '4g']);
    expect(m.active).toBe('sat');
    expect(m.history.map((e) => `${e.kind} ${e.from}>${e.to}`)).toEqual(['failover lan>4g', 'failover 4g>sat']);
  });

  it('stays on a dead route when no other is up: there is nowhere better to go', () => {
    const m = createLinkMonitor([LAN, G4]);
    for (let i = 1; i <= 5; i++) round(m, T0 + i * 5 * S, ['lan', '4g']);
    expect(m.active).toBe('lan');
    expect(m.history).toEqual([]);
  });

  it('fails back only after the better route has been up and clean for ten minutes', () => {
    const m = createLinkMonitor([LAN, G4]);
    let t = T0;
    const tick = (failing: string[] = []) => round(m, (t += 5 * S), failing);
    for (let i = 0; i < 3; i++) tick();
    for (let i = 0; i < 3; i++) tick(['lan']);
    expect(m.active).toBe('4g');
    const backUp = t + 15 * S; // three good probes later
    while (m.active === '4g' && t < T0 + 60 * MIN) tick();
    expect(m.active).toBe('lan');
    const back = m.history.at(-1)!;
    expect(back.kind).toBe('failback');
    expect(back.at - backUp).toBeGreaterThanOrEqual(10 * MIN);
    expect(back.at - backUp).toBeLessThan(10 * MIN + 10 * S);
  });

  it('does not fail back to a route that came up but is still losing packets', () => {
    const m = createLinkMonitor([LAN, G4]);
    let t = T0;
    for (let i = 0; i < 3; i++) round(m, (t += 5 * S));
    for (let i = 0; i < 3; i++) round(m, (t += 5 * S), ['lan']);
    // From now on one LAN probe in five fails (20 %), never three in a row: up, but not clean.
    for (let i = 0; i < 12 * 30; i++) round(m, (t += 5 * S), i % 5 === 0 ? ['lan'] : []);
    expect(m.view()[0].state).toBe('up');
    expect(m.active).toBe('4g');
  });

  it('switches at most once per ten minutes on a primary losing 30 % of its probes, over an hour (seeded)', () => {
    for (const seed of [1, 2, 3, 20261202]) {
      const m = createLinkMonitor([LAN, G4]);
      const events = simulateProbes(m, {
        start: T0,
        durationMs: 60 * MIN,
        seed,
        lossAt: (r) => (r === 'lan' ? 0.3 : 0),
      });
      expect(mostSwitchesIn(events, 10 * MIN), `seed ${seed}`).toBeLessThanOrEqual(1);
    }
  });

  it('a flapping link (up a minute, down a minute) costs one failover, not one per flap', () => {
    const m = createLinkMonitor([LAN, G4]);
    const events = simulateProbes(m, {
      start: T0,
      durationMs: 60 * MIN,
      seed: 7,
      lossAt: (r, t) => (r === 'lan' && Math.floor((t - T0) / MIN) % 2 === 1 ? 1 : 0),
    });
    expect(events.map((e) => e.kind)).toEqual(['failover']);
  });

  it('a manual switch holds until released, except when that route dies', () => {
    const m = createLinkMonitor([LAN, G4, SAT]);
    let t = T0;
    for (let i = 0; i < 3; i++) round(m, (t += 5 * S));
    const e = m.manual('sat', t, { queued: 2 });
    expect(e).toMatchObject({ kind: 'manual', from: 'lan', to: 'sat', queued: 2, durationMs: 10 * S });
    for (let i = 0; i < 12 * 15; i++) round(m, (t += 5 * S));
    expect(m.active).toBe('sat');
    m.release();
    round(m, (t += 5 * S));
    expect(m.active).toBe('lan');
    expect(m.history.at(-1)!.kind).toBe('failback');

    m.manual('4g', t);
    for (let i = 0; i < 3; i++) round(m, (t += 5 * S), ['4g']);
    expect(m.active).toBe('lan');
    expect(m.history.at(-1)!.kind).toBe('failover');
    expect(m.pinned).toBe(false);
  });

  it('a test failover moves to the next route for 30 s and comes back', () => {
    const m = createLinkMonitor([LAN, G4]);
    let t = T0;
    for (let i = 0; i < 3; i++) round(m, (t += 5 * S));
    expect(m.startTest(t, { queued: 1 })).toMatchObject({ kind: 'test', from: 'lan', to: '4g', queued: 1 });
    expect(m.testing).toBe(true);
    round(m, (t += 5 * S));
    expect(m.active).toBe('4g');
    const back = m.tick(t + 25 * S);
    expect(back).toMatchObject([{ kind: 'test', from: '4g', to: 'lan', durationMs: 30 * S }]);
    expect(m.active).toBe('lan');
    expect(m.testing).toBe(false);
  });

  it('has no test failover with a single route', () => {
    expect(createLinkMonitor([LAN]).startTest(T0)).toBeNull();
  });
});
