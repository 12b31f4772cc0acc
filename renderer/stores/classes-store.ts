import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ClassStatus, PaymentStatus } from '../../shared/classes/generation.js';
import type { StudentField } from '../../shared/classes/student-edits.js';
import { addDays } from '../../shared/classes/site-time.js';
import type { ErrorData } from '../../shared/errors.js';

export type ClassesTab = 'week' | 'students' | 'dashboard' | 'health' | 'import';
export type WeekData = MethodOutput<'classes.week'>;
export type ClassItem = WeekData['classes'][number];
export type StudentSummary = MethodOutput<'classes.students'>[number];
export type Figures = MethodOutput<'classes.figures'>;
export type GenerationLog = MethodOutput<'classes.logs'>[number];
export type Diagnosis = MethodOutput<'classes.diagnose'>;
export type ImportPreview = MethodOutput<'classes.importPreview'>;
export type StudentInput = MethodInput<'classes.createStudent'>;

export type ClassesNotice =
  | { kind: 'saved' }
  | { kind: 'removed' }
  | { kind: 'fixed'; created: number; skipped: number; students: { name: string; reason: string }[] }
  | { kind: 'generated'; created: number }
  | { kind: 'imported'; created: number; skippedRows: number }
  | { kind: 'horizon'; weeks: number };

export interface ClassesState {
  tab: ClassesTab;
  weekView: 'day' | 'student';
  weekStart: string | null;
  week: WeekData | null;
  students: StudentSummary[] | null;
  figures: Figures | null;
  logs: GenerationLog[] | null;
  diagnosis: Diagnosis | null;
  settings: MethodOutput<'classes.settings'> | null;
  preview: ImportPreview | null;
  busy: boolean;
  error: ErrorData | null;
  notice: ClassesNotice | null;
  setTab(tab: ClassesTab): void;
  setWeekView(view: 'day' | 'student'): void;
  /** Loads what the current tab shows. */
  refresh(): Promise<void>;
  shiftWeek(weeks: number): Promise<void>;
  thisWeek(): Promise<void>;
  setStatus(classId: string, status: ClassStatus): Promise<boolean>;
  setPayment(classId: string, paymentStatus: PaymentStatus): Promise<boolean>;
  /** `changed`: the fields edited, for an existing student (only those are written). */
  saveStudent(fields: StudentInput, id?: string, changed?: StudentField[]): Promise<boolean>;
  removeStudent(id: string): Promise<boolean>;
  diagnose(): Promise<void>;
  fix(): Promise<void>;
  generateNow(): Promise<void>;
  setHorizon(weeks: number): Promise<void>;
  previewImport(csv: string): Promise<void>;
  commitImport(csv: string, mode: 'all' | 'valid'): Promise<boolean>;
  clearPreview(): void;
  /** Synced or local changes to class tables reload what is on screen. */
  handleEvent(event: CoreEvent): void;
}

const TABLES = new Set(['students', 'classes', 'class_generation_logs', 'class_settings']);

/**
 * The class tracking screens' state, from the classes API. No React here: the screens bind to it,
 * the unit tests drive it with a fake API.
 */
export function createClassesStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<ClassesState>()((set, get) => {
    /** Runs a call; on failure keeps the error for the screen. */
    async function attempt<T>(
      run: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>,
    ): Promise<T | undefined> {
      set({ busy: true, error: null });
      const r = await run();
      if (r.ok) {
        set({ busy: false });
        return r.value;
      }
      set({ busy: false, error: r.error });
      return undefined;
    }

    // Each week load is numbered: only the newest one's answer is shown, so a slow answer for the
    // week on screen before (a tab switch, "Today", a sync's reload) cannot undo a tap on "Next".
    let weekLoad = 0;
    const loaders: Record<ClassesTab, () => Promise<void>> = {
      async week() {
        const mine = ++weekLoad;
        const r = await api.call('classes.week', get().weekStart ? { weekStart: get().weekStart! } : {});
        if (mine !== weekLoad) return;
        if (r.ok) set({ week: r.value, weekStart: r.value.weekStart });
        else set({ error: r.error });
      },
      async students() {
        const r = await api.call('classes.students', {});
        if (r.ok) set({ students: r.value });
        else set({ error: r.error });
      },
      async dashboard() {
        const [f, s] = await Promise.all([api.call('classes.figures', {}), api.call('classes.settings', {})]);
        if (f.ok) set({ figures: f.value });
        else set({ error: f.error });
        if (s.ok) set({ settings: s.value });
      },
      async health() {
        const r = await api.call('classes.logs', { limit: 50 });
        if (r.ok) set({ logs: r.value });
        else set({ error: r.error });
      },
      async import() {},
    };

    return {
      tab: 'week',
      weekView: 'day',
      weekStart: null,
      week: null,
      students: null,
      figures: null,
      logs: null,
      diagnosis: null,
      settings: null,
      preview: null,
      busy: false,
      error: null,
      notice: null,
      setTab(tab) {
        set({ tab, error: null, notice: null });
        void get().refresh();
      },
      setWeekView: (weekView) => set({ weekView }),
      refresh: () => loaders[get().tab](),
      async shiftWeek(weeks) {
        const start = get().weekStart;
        if (!start) return;
        set({ weekStart: addDays(start, 7 * weeks) });
        await loaders.week();
      },
      async thisWeek() {
        set({ weekStart: null });
        await loaders.week();
      },
      async setStatus(classId, status) {
        const ok = await attempt(() => api.call('classes.setStatus', { classId, status }));
        if (ok) await loaders.week();
        return ok !== undefined;
      },
      async setPayment(classId, paymentStatus) {
        const ok = await attempt(() => api.call('classes.setPayment', { classId, paymentStatus }));
        if (ok) await loaders.week();
        return ok !== undefined;
      },
      async saveStudent(fields, id, changed) {
        // Nothing changed: nothing to write, and no empty change for shore.
        const ok =
          id && changed && changed.length === 0
            ? true
            : await attempt<unknown>(() =>
                id
                  ? api.call('classes.updateStudent', { ...fields, id, ...(changed ? { only: changed } : {}) })
                  : api.call('classes.createStudent', fields),
              );
        if (ok === undefined) return false;
        set({ notice: { kind: 'saved' } });
        await loaders.students();
        return true;
      },
      async removeStudent(id) {
        const ok = await attempt(() => api.call('classes.removeStudent', { id }));
        if (ok === undefined) return false;
        set({ notice: { kind: 'removed' } });
        await loaders.students();
        return true;
      },
      async diagnose() {
        const d = await attempt(() => api.call('classes.diagnose', {}));
        if (d) set({ diagnosis: d, notice: null });
      },
      async fix() {
        const r = await attempt(() => api.call('classes.fix', {}));
        if (!r) return;
        const notice: ClassesNotice = {
          kind: 'fixed',
          created: r.created,
          skipped: r.skipped.length,
          students: r.skipped.map((s) => ({ name: s.name, reason: s.reason })),
        };
        await get().diagnose();
        set({ notice });
        await loaders.health();
      },
      async generateNow() {
        const r = await attempt(() => api.call('classes.generateNow', {}));
        if (!r) return;
        set({ notice: { kind: 'generated', created: r.created } });
        await loaders.health();
      },
      async setHorizon(weeks) {
        const ok = await attempt(() => api.call('classes.setHorizon', { weeks }));
        if (ok === undefined) return;
        set({ notice: { kind: 'horizon', weeks } });
        await loaders.dashboard();
      },
      async previewImport(csv) {
        const p = await attempt(() => api.call('classes.importPreview', { csv }));
        set({ preview: p ?? null, notice: null });
      },
      async commitImport(csv, mode) {
        const r = await attempt(() => api.call('classes.importCommit', { csv, mode }));
        if (!r) return false;
        set({ preview: null, notice: { kind: 'imported', created: r.created, skippedRows: r.skippedRows } });
        return true;
      },
      clearPreview: () => set({ preview: null, notice: null, error: null }),
      handleEvent(event) {
        if (event.type !== 'data.changed' || !event.tables.some((t) => TABLES.has(t))) return;
        const tab = get().tab;
        if (tab !== 'import') void loaders[tab]();
      },
    };
  });
}

export type ClassesStore = ReturnType<typeof createClassesStore>;
