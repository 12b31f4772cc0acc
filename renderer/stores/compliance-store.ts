import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { AnswerValue } from '../../shared/compliance/answer.js';
import type { ApprovalStep } from '../../shared/compliance/approval-steps.js';
import type { ErrorData } from '../../shared/errors.js';

export type DueItem = MethodOutput<'compliance.due'>[number];
export type ReportSummary = MethodOutput<'compliance.reports'>[number];
export type TemplateSummary = MethodOutput<'compliance.templates'>[number];
export type ReportDetail = MethodOutput<'compliance.report'>;
export type ActionsView = MethodOutput<'compliance.actions'>;
export type CorrectiveAction = ActionsView['actions'][number];
export type ScheduleBoard = MethodOutput<'compliance.schedule'>;
export type ComplianceDashboardView = MethodOutput<'compliance.dashboard'>;
/** The screen's tabs: reports to fill and sign, their corrective actions, the schedule, the trends, reports from data. */
export type ComplianceView = 'reports' | 'actions' | 'schedule' | 'dashboard' | 'data';

export interface ComplianceState {
  due: DueItem[] | null;
  reports: ReportSummary[] | null;
  templates: TemplateSummary[] | null;
  /** The report open for filling or approval, or null on the list. */
  open: ReportDetail | null;
  busy: boolean;
  error: ErrorData | null;
  notice: 'signed' | 'actionMoved' | null;
  /** Who the screen was last shown to; another person starts at the list. */
  viewer: string | null;
  view: ComplianceView;
  actions: ActionsView | null;
  board: ScheduleBoard | null;
  dashboard: ComplianceDashboardView | null;
  setView(view: ComplianceView): void;
  /** Starts or closes a corrective action, signed with the person's PIN. */
  moveAction(id: string, to: 'in_progress' | 'done', pin: string, note: string | null): Promise<boolean>;
  refresh(): Promise<void>;
  openReport(id: string): Promise<void>;
  /** Starts a report (or resumes the one already started for that schedule and period) and opens it. */
  start(templateId: string, scheduleId?: string | null, period?: string | null): Promise<void>;
  answer(itemId: string, value: AnswerValue): Promise<boolean>;
  sign(step: ApprovalStep, pin: string, comment: string | null): Promise<boolean>;
  close(): void;
  handleEvent(event: CoreEvent): void;
}

const TABLES = new Set([
  'compliance_reports',
  'compliance_answers',
  'compliance_answer_history',
  'compliance_approvals',
  'compliance_schedules',
  'compliance_templates',
  'actions',
  'action_steps',
]);
const OPEN_STATUSES = ['draft', 'returned', 'submitted', 'reviewed'] as const;

/**
 * The compliance screens' state, from the compliance API. No React here: the screens bind to it,
 * the unit tests drive it with a fake API.
 */
export function createComplianceStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<ComplianceState>()((set, get) => {
    const fail = (error: ErrorData) => set({ busy: false, error });
    const loadActions = async () => {
      const r = await api.call('compliance.actions', {});
      if (r.ok) set({ actions: r.value });
      else fail(r.error);
    };
    const loadBoard = async () => {
      const r = await api.call('compliance.schedule', {});
      if (r.ok) set({ board: r.value });
      else fail(r.error);
    };
    const loadDashboard = async () => {
      const r = await api.call('compliance.dashboard', { weeks: 8 });
      if (r.ok) set({ dashboard: r.value });
      else fail(r.error);
    };
    /** Reloads what the current view shows. */
    const reloadView = () => {
      const view = get().view;
      if (view === 'actions') return loadActions();
      if (view === 'schedule') return loadBoard();
      if (view === 'dashboard') return loadDashboard();
      return get().refresh();
    };
    const reloadOpen = async () => {
      const id = get().open?.report.id;
      if (!id) return;
      const r = await api.call('compliance.report', { id });
      if (r.ok) set({ open: r.value });
    };
    return {
      due: null,
      reports: null,
      templates: null,
      open: null,
      busy: false,
      error: null,
      notice: null,
      viewer: null,
      view: 'reports',
      actions: null,
      board: null,
      dashboard: null,
      setView(view) {
        set({ view, open: null, error: null, notice: null });
        void reloadView();
      },
      async moveAction(id, to, pin, note) {
        set({ busy: true, error: null, notice: null });
        const r = await api.call('compliance.moveAction', { actionId: id, to, pin, note });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        await loadActions();
        set({ busy: false, notice: 'actionMoved' });
        return true;
      },
      async refresh() {
        const [due, reports, templates] = await Promise.all([
          api.call('compliance.due', { allRoles: false }),
          api.call('compliance.reports', { status: [...OPEN_STATUSES] }),
          api.call('compliance.templates', {}),
        ]);
        for (const r of [due, reports, templates]) if (!r.ok) return fail(r.error);
        set({
          due: due.ok ? due.value : null,
          reports: reports.ok ? reports.value : null,
          templates: templates.ok ? templates.value : null,
        });
      },
      async openReport(id) {
        set({ busy: true, error: null, notice: null });
        const r = await api.call('compliance.report', { id });
        if (!r.ok) return fail(r.error);
        set({ busy: false, open: r.value });
      },
      async start(templateId, scheduleId = null, period = null) {
        set({ busy: true, error: null, notice: null });
        const r = await api.call('compliance.start', { templateId, scheduleId, period });
        if (!r.ok) return fail(r.error);
        await get().openReport(r.value.id);
      },
      async answer(itemId, value) {
        const open = get().open;
        if (!open) return false;
        set({ error: null });
        const r = await api.call('compliance.answer', { reportId: open.report.id, itemId, value, reason: null });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        await reloadOpen();
        return true;
      },
      async sign(step, pin, comment) {
        const open = get().open;
        if (!open) return false;
        set({ busy: true, error: null, notice: null });
        const r = await api.call('compliance.sign', { reportId: open.report.id, step, pin, comment });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        await reloadOpen();
        set({ busy: false, notice: 'signed' });
        return true;
      },
      close() {
        set({ open: null, error: null, notice: null });
        void reloadView();
      },
      handleEvent(event) {
        if (event.type !== 'data.changed' || !event.tables.some((t) => TABLES.has(t))) return;
        void reloadView();
        void reloadOpen();
      },
    };
  });
}

export type ComplianceStore = ReturnType<typeof createComplianceStore>;
