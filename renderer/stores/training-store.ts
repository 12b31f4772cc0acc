import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type Catalog = MethodOutput<'training.catalog'>;
export type ModuleDetail = MethodOutput<'training.module'>;
export type Assessment = MethodOutput<'training.startAssessment'>;
export type AssessmentResult = MethodOutput<'training.submitAssessment'>;
export type Certificate = MethodOutput<'training.certificates'>[number];
export type Verification = MethodOutput<'training.verifyCertificate'>;

export type TrainingView =
  | { name: 'catalog' }
  | { name: 'module'; moduleId: string }
  | { name: 'assessment'; moduleId: string }
  | { name: 'result'; moduleId: string }
  | { name: 'certificates' }
  | { name: 'certificate'; certificateId: string }
  | { name: 'sessions' }
  | { name: 'author' }
  | { name: 'practical' }
  | { name: 'check' }
  | { name: 'template' };
export type CertificateTemplate = MethodOutput<'training.certificateTemplate'>;

export interface TrainingState {
  view: TrainingView;
  catalog: Catalog | null;
  module: ModuleDetail | null;
  sectionIndex: number;
  assessment: Assessment | null;
  questionIndex: number;
  answers: Record<string, string[]>;
  /** How sure the learner said they were of each answer, 1-5 (optional). */
  confidence: Record<string, number>;
  result: AssessmentResult | null;
  certificates: Certificate[] | null;
  verification: Verification | null;
  /** The check screen found no certificate in the file it was given. */
  noCode: boolean;
  template: CertificateTemplate | null;
  templateSaved: boolean;
  feedbackSent: boolean;
  busy: boolean;
  error: ErrorData | null;
  open(view: TrainingView): Promise<void>;
  loadCatalog(): Promise<void>;
  goToSection(index: number): Promise<void>;
  completeSection(): Promise<void>;
  toggleBookmark(): Promise<void>;
  startAssessment(): Promise<void>;
  choose(questionId: string, optionId: string, multiple: boolean): void;
  rateConfidence(questionId: string, level: number): void;
  goToQuestion(index: number): void;
  submitAssessment(): Promise<void>;
  loadCertificates(): Promise<void>;
  verify(token: string): Promise<void>;
  /** Checks the certificate a decoded QR code, a pasted text or a PDF holds (null: none found). */
  checkFound(token: string | null): Promise<void>;
  checkPdf(base64: string): Promise<void>;
  clearCheck(): void;
  saveTemplate(t: { signatoryName: string; signatoryTitle: string; logo?: CertificateTemplate['logo'] }): Promise<void>;
  sendFeedback(f: { content: number; materials: number; instructor: number | null; comment: string }): Promise<void>;
  /** Records time on the open section (leaving the screen, signing out). */
  flush(): Promise<void>;
  /** Back to an empty catalog: the area opens fresh for whoever is signed in now. */
  reset(): Promise<void>;
}

export interface TrainingStoreDeps {
  api: Pick<ApiClient, 'call'>;
  now?: () => number;
}

/**
 * The trainee's side of the training area: catalog, a module read one section at a time (time
 * on each section recorded when leaving it, so a sign-out or restart resumes where the person
 * was), an assessment one question at a time with each answer's response time, its result, and
 * certificates. Plain vanilla store: tested in Node with a fake API.
 */
export function createTrainingStore({ api, now = () => Date.now() }: TrainingStoreDeps) {
  let sectionSince = now();
  let questionSince = now();
  const responseMs: Record<string, number> = {};

  return createStore<TrainingState>()((set, get) => {
    const fail = (error: ErrorData) => set({ busy: false, error });

    /** Sends the time spent on the current section; `completed` marks it done. */
    const record = async (completed: boolean, bookmarked?: boolean) => {
      const { module, sectionIndex } = get();
      const section = module?.sections[sectionIndex];
      if (!section) return true;
      const secondsSpent = Math.min(4 * 3600, Math.max(0, Math.round((now() - sectionSince) / 1000)));
      sectionSince = now();
      const r = await api.call('training.recordSection', {
        sectionId: section.id,
        secondsSpent,
        completed,
        ...(bookmarked === undefined ? {} : { bookmarked }),
      });
      if (!r.ok) {
        fail(r.error);
        return false;
      }
      const sections = module.sections.map((s, i) =>
        i === sectionIndex
          ? {
              ...s,
              completed: s.completed || completed,
              bookmarked: bookmarked ?? s.bookmarked,
              secondsSpent: s.secondsSpent + secondsSpent,
            }
          : s,
      );
      set({
        module: {
          ...module,
          sections,
          progressPercent: Math.round((sections.filter((s) => s.completed).length / sections.length) * 100),
        },
      });
      return true;
    };

    /** Only the newest module load's answer is shown: a late answer for an earlier open (say the
     * module as it was before a failed attempt's cool-down) cannot replace a newer one. */
    let moduleLoads = 0;
    const loadModule = async (moduleId: string) => {
      const mine = ++moduleLoads;
      const r = await api.call('training.module', { moduleId });
      const view = get().view;
      if (mine !== moduleLoads || view.name !== 'module' || view.moduleId !== moduleId) return;
      if (!r.ok) return fail(r.error);
      const resume = r.value.sections.findIndex((s) => s.id === r.value.resumeSectionId);
      sectionSince = now();
      set({ module: r.value, sectionIndex: Math.max(0, resume), busy: false });
    };

    return {
      view: { name: 'catalog' },
      catalog: null,
      module: null,
      sectionIndex: 0,
      assessment: null,
      questionIndex: 0,
      answers: {},
      confidence: {},
      result: null,
      certificates: null,
      verification: null,
      noCode: false,
      template: null,
      templateSaved: false,
      feedbackSent: false,
      busy: false,
      error: null,

      async open(view) {
        if (get().view.name === 'module' && view.name !== 'module') await get().flush();
        set({ view, error: null, busy: true, verification: null, noCode: false, templateSaved: false });
        if (view.name === 'catalog') return get().loadCatalog();
        if (view.name === 'module') return loadModule(view.moduleId);
        if (view.name === 'certificates' || view.name === 'certificate') return get().loadCertificates();
        if (view.name === 'template') {
          const r = await api.call('training.certificateTemplate', {});
          if (r.ok) set({ template: r.value, busy: false });
          else fail(r.error);
          return;
        }
        set({ busy: false });
      },
      async loadCatalog() {
        set({ busy: true, error: null });
        const r = await api.call('training.catalog', {});
        if (r.ok) set({ catalog: r.value, busy: false });
        else fail(r.error);
      },
      async goToSection(index) {
        const { module } = get();
        if (!module || index < 0 || index >= module.sections.length) return;
        if (await record(false)) set({ sectionIndex: index });
      },
      async completeSection() {
        const { module, sectionIndex } = get();
        if (!module) return;
        if (!(await record(true))) return;
        if (sectionIndex < module.sections.length - 1) set({ sectionIndex: sectionIndex + 1 });
      },
      async toggleBookmark() {
        const { module, sectionIndex } = get();
        const s = module?.sections[sectionIndex];
        if (s) await record(false, !s.bookmarked);
      },
      async startAssessment() {
        const { module } = get();
        if (!module) return;
        await get().flush();
        set({ busy: true, error: null });
        const r = await api.call('training.startAssessment', { moduleId: module.id });
        if (!r.ok) return fail(r.error);
        questionSince = now();
        for (const k of Object.keys(responseMs)) delete responseMs[k];
        set({
          assessment: r.value,
          questionIndex: 0,
          answers: {},
          confidence: {},
          result: null,
          feedbackSent: false,
          busy: false,
          view: { name: 'assessment', moduleId: module.id },
        });
      },
      choose(questionId, optionId, multiple) {
        const current = get().answers[questionId] ?? [];
        const next = multiple
          ? current.includes(optionId)
            ? current.filter((o) => o !== optionId)
            : [...current, optionId]
          : [optionId];
        set({ answers: { ...get().answers, [questionId]: next } });
      },
      rateConfidence(questionId, level) {
        set({ confidence: { ...get().confidence, [questionId]: level } });
      },
      goToQuestion(index) {
        const { assessment, questionIndex } = get();
        if (!assessment || index < 0 || index >= assessment.questions.length) return;
        const q = assessment.questions[questionIndex];
        responseMs[q.id] = (responseMs[q.id] ?? 0) + (now() - questionSince);
        questionSince = now();
        set({ questionIndex: index });
      },
      async submitAssessment() {
        const { assessment, answers, confidence, questionIndex } = get();
        if (!assessment) return;
        const q = assessment.questions[questionIndex];
        responseMs[q.id] = (responseMs[q.id] ?? 0) + (now() - questionSince);
        set({ busy: true, error: null });
        const r = await api.call('training.submitAssessment', {
          attemptId: assessment.attemptId,
          answers: assessment.questions
            .filter((x) => answers[x.id]?.length)
            .map((x) => ({
              questionId: x.id,
              selected: answers[x.id],
              responseMs: Math.min(86_400_000, Math.round(responseMs[x.id] ?? 0)),
              confidence: confidence[x.id] ?? null,
            })),
        });
        if (!r.ok) return fail(r.error);
        set({
          result: r.value,
          busy: false,
          view: {
            name: 'result',
            moduleId: get().view.name === 'assessment' ? (get().view as { moduleId: string }).moduleId : '',
          },
        });
      },
      async loadCertificates() {
        set({ busy: true, error: null });
        const r = await api.call('training.certificates', {});
        if (r.ok) set({ certificates: r.value, busy: false });
        else fail(r.error);
      },
      async verify(token) {
        set({ busy: true, error: null, verification: null });
        const r = await api.call('training.verifyCertificate', { token });
        if (r.ok) set({ verification: r.value, busy: false });
        else fail(r.error);
      },
      async checkFound(token) {
        if (!token) return set({ noCode: true, verification: null, error: null });
        set({ noCode: false });
        await get().verify(token);
      },
      async checkPdf(base64) {
        set({ busy: true, error: null, verification: null, noCode: false });
        const r = await api.call('training.readCertificatePdf', { base64 });
        if (!r.ok) return fail(r.error);
        set({ busy: false });
        await get().checkFound(r.value.token);
      },
      clearCheck: () => set({ verification: null, noCode: false, error: null }),
      async saveTemplate(t) {
        set({ busy: true, error: null, templateSaved: false });
        const r = await api.call('training.setCertificateTemplate', t);
        if (!r.ok) return fail(r.error);
        const again = await api.call('training.certificateTemplate', {});
        set({ templateSaved: true, busy: false, ...(again.ok ? { template: again.value } : {}) });
      },
      async sendFeedback(f) {
        const moduleId = get().module?.id;
        if (!moduleId) return;
        set({ busy: true, error: null });
        const r = await api.call('training.feedback', { moduleId, ...f });
        if (r.ok) set({ feedbackSent: true, busy: false });
        else fail(r.error);
      },
      async reset() {
        set({
          view: { name: 'catalog' },
          catalog: null,
          module: null,
          assessment: null,
          answers: {},
          result: null,
          certificates: null,
          verification: null,
          error: null,
        });
        await get().loadCatalog();
      },
      async flush() {
        if (get().view.name === 'module' && get().module) await record(false);
      },
    };
  });
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;
