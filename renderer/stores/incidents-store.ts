import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';
import type { Stage } from '../../shared/incidents/workflow.js';

export type IncidentsTab = 'report' | 'list' | 'dashboard' | 'check' | 'settings';
export type IncidentSettings = MethodOutput<'incidents.settings'>;
export type IncidentSummary = MethodOutput<'incidents.list'>[number];
export type IncidentDetail = MethodOutput<'incidents.detail'>;
export type IncidentAlert = MethodOutput<'incidents.alerts'>[number];
export type IncidentDashboard = MethodOutput<'incidents.dashboard'>;
export type Place = MethodOutput<'incidents.places'>[number];
export type ReportInput = MethodInput<'incidents.report'>;
export type ActionInput = Omit<MethodInput<'incidents.addAction'>, 'incidentId'>;
export type RecordVerdict = MethodOutput<'incidents.verify'>;
export type RegulatoryInput = MethodInput<'incidents.setRegulatory'>['regulatory'];
export type IncidentsNotice =
  | 'reported'
  | 'moved'
  | 'escalated'
  | 'acknowledged'
  | 'actionAdded'
  | 'regulatorySaved'
  | 'paused'
  | 'resumed'
  | 'targetSaved'
  | 'placeAdded'
  | 'photoAdded';
export type PhotoInput = MethodInput<'incidents.addPhoto'>['photo'];

export interface IncidentsState {
  tab: IncidentsTab;
  places: Place[];
  list: IncidentSummary[] | null;
  detail: IncidentDetail | null;
  /** The record check of the open incident, once asked for; cleared when the record changes. */
  verdict: RecordVerdict | null;
  dashboard: IncidentDashboard | null;
  /** The site's SLA targets and places (the settings tab, for settings.manage). */
  settings: IncidentSettings | null;
  alerts: IncidentAlert[];
  busy: boolean;
  error: ErrorData | null;
  notice: IncidentsNotice | null;
  setTab(tab: IncidentsTab): void;
  refresh(): Promise<void>;
  open(id: string): Promise<void>;
  closeDetail(): void;
  /** Reports, then adds the photos taken with it (each checked and kept by the kiosk). */
  report(fields: ReportInput, photos?: readonly PhotoInput[]): Promise<boolean>;
  /** A photo added to the open incident. */
  addPhoto(photo: PhotoInput): Promise<boolean>;
  move(to: Stage, reason: string): Promise<boolean>;
  escalate(note: string): Promise<boolean>;
  acknowledge(escalationId: string, pin: string): Promise<boolean>;
  addAction(fields: ActionInput): Promise<boolean>;
  setActionStatus(id: string, status: 'open' | 'in_progress' | 'done' | 'cancelled'): Promise<boolean>;
  checkRecord(): Promise<boolean>;
  setRegulatory(regulatory: RegulatoryInput): Promise<boolean>;
  /** Stops ("waiting for shore") or restarts the SLA clocks of the open incident. */
  pauseSla(paused: boolean, reason: string): Promise<boolean>;
  saveTarget(input: MethodInput<'incidents.setSlaTarget'>): Promise<boolean>;
  addPlace(input: MethodInput<'incidents.addPlace'>): Promise<boolean>;
  handleEvent(event: CoreEvent): void;
}

const TABLES = new Set([
  'incidents',
  'incident_events',
  'incident_escalations',
  'actions',
  'incident_places',
  'incident_seals',
  'incident_regulatory',
  'incident_sla_targets',
  'attachments',
  'attachment_arrivals',
]);

/** A verdict speaks of the history it read: one more entry makes it stale. */
const historyChanged = (a: IncidentDetail, b: IncidentDetail) =>
  a.id !== b.id || a.history.map((h) => h.id).join() !== b.history.map((h) => h.id).join();

/**
 * The incidents screens' state, from the incidents API. No React here: the screens bind to it and
 * a unit test can drive it with a fake API. Synced changes reload the list, the open incident and
 * the alerts without a tap.
 */
export function createIncidentsStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<IncidentsState>()((set, get) => {
    async function attempt<T>(
      run: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>,
    ): Promise<T | undefined> {
      set({ busy: true, error: null, notice: null });
      const r = await run();
      set({ busy: false, ...(r.ok ? {} : { error: r.error }) });
      return r.ok ? r.value : undefined;
    }
    const loadAlerts = async () => {
      const r = await api.call('incidents.alerts', {});
      if (r.ok) set({ alerts: r.value });
    };
    const reloadDetail = async () => {
      const d = get().detail;
      if (!d) return;
      const r = await api.call('incidents.detail', { id: d.id });
      if (r.ok) set({ detail: r.value, ...(historyChanged(d, r.value) ? { verdict: null } : {}) });
    };
    const loaders: Record<IncidentsTab, () => Promise<void>> = {
      async report() {
        if (get().places.length) return;
        const r = await api.call('incidents.places', {});
        if (r.ok) set({ places: r.value });
        else set({ error: r.error });
      },
      async list() {
        const r = await api.call('incidents.list', { open: false });
        if (r.ok) set({ list: r.value });
        else set({ error: r.error });
      },
      async dashboard() {
        const r = await api.call('incidents.dashboard', {});
        if (r.ok) set({ dashboard: r.value });
        else set({ error: r.error });
      },
      // The file check holds its own state (record-file-check.tsx): nothing to load.
      async check() {},
      async settings() {
        const r = await api.call('incidents.settings', {});
        if (r.ok) set({ settings: r.value });
        else set({ error: r.error });
      },
    };
    const after = async (notice: IncidentsNotice) => {
      set({ notice });
      await Promise.all([reloadDetail(), loadAlerts(), get().tab === 'report' ? undefined : loaders[get().tab]()]);
    };

    return {
      tab: 'report',
      places: [],
      list: null,
      detail: null,
      verdict: null,
      dashboard: null,
      settings: null,
      alerts: [],
      busy: false,
      error: null,
      notice: null,
      setTab(tab) {
        set({ tab, detail: null, verdict: null, error: null, notice: null });
        void loaders[tab]();
      },
      async refresh() {
        await Promise.all([loaders[get().tab](), loadAlerts(), reloadDetail()]);
      },
      async open(id) {
        const d = await attempt(() => api.call('incidents.detail', { id }));
        if (d) set({ detail: d, verdict: null });
      },
      closeDetail() {
        set({ detail: null, verdict: null, notice: null });
        void loaders[get().tab]();
      },
      async report(fields, photos = []) {
        const r = await attempt(() => api.call('incidents.report', fields));
        if (!r) return false;
        // The report stands even if a photo is refused: the refusal is shown, the rest is kept.
        for (const photo of photos) {
          if (!(await attempt(() => api.call('incidents.addPhoto', { incidentId: r.id, photo })))) break;
        }
        if (!get().error) set({ notice: 'reported' });
        await loadAlerts();
        return true;
      },
      async addPhoto(photo) {
        const incidentId = get().detail?.id;
        if (!incidentId || !(await attempt(() => api.call('incidents.addPhoto', { incidentId, photo })))) return false;
        await after('photoAdded');
        return true;
      },
      async move(to, reason) {
        const id = get().detail?.id;
        if (!id || !(await attempt(() => api.call('incidents.move', { id, to, reason })))) return false;
        await after('moved');
        return true;
      },
      async escalate(note) {
        const id = get().detail?.id;
        if (!id || !(await attempt(() => api.call('incidents.escalate', { id, note })))) return false;
        await after('escalated');
        return true;
      },
      async acknowledge(escalationId, pin) {
        if (!(await attempt(() => api.call('incidents.acknowledge', { escalationId, pin })))) return false;
        await after('acknowledged');
        return true;
      },
      async addAction(fields) {
        const incidentId = get().detail?.id;
        if (!incidentId || !(await attempt(() => api.call('incidents.addAction', { ...fields, incidentId }))))
          return false;
        await after('actionAdded');
        return true;
      },
      async setActionStatus(id, status) {
        if (!(await attempt(() => api.call('incidents.setActionStatus', { id, status })))) return false;
        await reloadDetail();
        return true;
      },
      async checkRecord() {
        const id = get().detail?.id;
        const v = id ? await attempt(() => api.call('incidents.verify', { id })) : undefined;
        if (!v) return false;
        set({ verdict: v });
        return true;
      },
      async setRegulatory(regulatory) {
        const id = get().detail?.id;
        if (!id || !(await attempt(() => api.call('incidents.setRegulatory', { id, regulatory })))) return false;
        await after('regulatorySaved');
        return true;
      },
      async pauseSla(paused, reason) {
        const id = get().detail?.id;
        if (!id || !(await attempt(() => api.call('incidents.pauseSla', { id, paused, reason })))) return false;
        await after(paused ? 'paused' : 'resumed');
        return true;
      },
      async saveTarget(input) {
        if (!(await attempt(() => api.call('incidents.setSlaTarget', input)))) return false;
        await after('targetSaved');
        return true;
      },
      async addPlace(input) {
        if (!(await attempt(() => api.call('incidents.addPlace', input)))) return false;
        // The report form reads the places again: the new one is there at once.
        set({ places: [] });
        await after('placeAdded');
        return true;
      },
      handleEvent(event) {
        if (event.type !== 'data.changed' || !event.tables.some((t) => TABLES.has(t))) return;
        void get().refresh();
      },
    };
  });
}
