import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';
import { decimate, type ChartPoint } from '../screens/fuel/decimate.js';

export type FuelTab = 'bridge' | 'log' | 'anomalies';
export type FuelLive = MethodOutput<'fuel.live'>;
export type FuelAnomaly = MethodOutput<'fuel.anomalies'>[number];
export type FuelLogRecord = MethodOutput<'fuel.logs'>[number];
export type FuelSeriesMinute = MethodOutput<'fuel.series'>[number];

/** Live series kept for the charts: fuel rate per engine (`fuel_rate#1`), speeds (`stw`, `sog`). */
export type LiveSeries = Record<string, ChartPoint[]>;

/** The window the live chart shows, and the most points a series keeps for it. */
export const LIVE_WINDOW_MS = 10 * 60_000;
export const LIVE_MAX_POINTS = 600;

const TABLES = new Set(['fuel_minutes', 'fuel_anomalies', 'fuel_soundings', 'fuel_bunkerings', 'fuel_noon_reports']);

export interface FuelStoreState {
  tab: FuelTab;
  live: Omit<FuelLive, 'points'> | null;
  series: LiveSeries;
  minutes: FuelSeriesMinute[];
  anomalies: FuelAnomaly[];
  logs: FuelLogRecord[];
  busy: boolean;
  error: ErrorData | null;
  notice: 'logged' | 'investigated' | null;
  setTab(tab: FuelTab): void;
  /** Reads the newest readings and the raw points since the last poll. */
  poll(): Promise<void>;
  refresh(): Promise<void>;
  log(entry: MethodInput<'fuel.log'>): Promise<boolean>;
  investigate(input: MethodInput<'fuel.investigate'>): Promise<boolean>;
  handleEvent(event: CoreEvent): void;
}

/** Appends new points to each series and keeps only the chart's window, decimated. */
export function mergeLive(series: LiveSeries, points: FuelLive['points']): LiveSeries {
  if (points.length === 0) return series;
  const next: LiveSeries = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, [...v]]));
  for (const p of points) {
    const key = p.engine === null ? p.kind : `${p.kind}#${p.engine}`;
    (next[key] ??= []).push({ x: Date.parse(p.at), y: p.value });
  }
  const newest = Math.max(...Object.values(next).map((s) => s.at(-1)?.x ?? 0));
  for (const key of Object.keys(next)) {
    // A poll may repeat or precede points already held (a reading dated by a later fix): keep time order.
    const byX = new Map(next[key].filter((p) => p.x >= newest - LIVE_WINDOW_MS).map((p) => [p.x, p]));
    const kept = [...byX.values()].sort((a, b) => a.x - b.x);
    next[key] = decimate(kept, LIVE_MAX_POINTS);
  }
  return next;
}

/** The Fuel screen's state: the bridge view following the feed, the logs, the anomalies. */
export function createFuelStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<FuelStoreState>()((set, get) => {
    let lastSeq = 0;
    const fail = (error: ErrorData) => set({ busy: false, error });
    return {
      tab: 'bridge',
      live: null,
      series: {},
      minutes: [],
      anomalies: [],
      logs: [],
      busy: false,
      error: null,
      notice: null,
      setTab: (tab) => set({ tab, notice: null, error: null }),
      async poll() {
        const r = await api.call('fuel.live', { afterSeq: lastSeq });
        if (!r.ok) return fail(r.error);
        const { points, ...live } = r.value;
        lastSeq = live.lastSeq;
        set({ live, series: mergeLive(get().series, points) });
      },
      async refresh() {
        const [minutes, anomalies, logs] = await Promise.all([
          api.call('fuel.series', {}),
          api.call('fuel.anomalies', {}),
          api.call('fuel.logs', {}),
        ]);
        for (const r of [minutes, anomalies, logs]) if (!r.ok) return fail(r.error);
        set({
          minutes: minutes.ok ? minutes.value : [],
          anomalies: anomalies.ok ? anomalies.value : [],
          logs: logs.ok ? logs.value : [],
        });
      },
      async log(entry) {
        set({ busy: true, error: null, notice: null });
        const r = await api.call('fuel.log', entry);
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ busy: false, notice: 'logged' });
        await get().refresh();
        return true;
      },
      async investigate(input) {
        set({ busy: true, error: null, notice: null });
        const r = await api.call('fuel.investigate', input);
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ busy: false, notice: 'investigated' });
        await get().refresh();
        return true;
      },
      handleEvent(event) {
        if (event.type !== 'data.changed' || !event.tables.some((t) => TABLES.has(t))) return;
        void get().refresh();
      },
    };
  });
}

export type FuelStore = ReturnType<typeof createFuelStore>;
