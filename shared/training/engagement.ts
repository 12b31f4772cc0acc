/**
 * Engagement (issue 18 §4): time spent per section, where people stop, and the questions most
 * often missed. Computed from rows every kiosk already records and syncs: the per-person section
 * progress (seconds add up across kiosks, first completion stands) and the insert-only responses.
 */
import { median } from './kpis.js';

export interface SectionRef {
  id: string;
  moduleId: string;
  position: number;
}

export interface SectionProgress {
  userId: string;
  sectionId: string;
  seconds: number;
  completed: boolean;
}

export interface SectionEngagement {
  sectionId: string;
  moduleId: string;
  position: number;
  /** People who opened the section. */
  learners: number;
  totalSeconds: number;
  /** Mean and median seconds per person who opened it; null when nobody did. */
  meanSeconds: number | null;
  medianSeconds: number | null;
  completed: number;
  /** People not finished with the module whose first section left undone is this one. */
  stoppedHere: number;
}

export interface ModuleDropOff {
  moduleId: string;
  /** People with progress on the module. */
  started: number;
  /** Of those, people who passed it (or hold its certificate). */
  finished: number;
  /** Read every section but did not pass: they stop at the assessment. */
  stoppedAtAssessment: number;
}

/**
 * Per section: who opened it, time spent, and how many people stopped there. A person stops at
 * the first section (in module order) they have not completed, unless they finished the module;
 * someone who completed every section without passing stops at the assessment. People still
 * working count where they are now: the figure says where the module loses people today.
 *
 * @example
 * sectionEngagement([{ id: 's1', moduleId: 'm', position: 1 }, { id: 's2', moduleId: 'm', position: 2 }],
 *   [{ userId: 'u', sectionId: 's1', seconds: 60, completed: true }], new Set())
 * // sections: s1 learners 1, 60 s, stoppedHere 0; s2 learners 0, stoppedHere 1
 */
export function sectionEngagement(
  sections: readonly SectionRef[],
  progress: readonly SectionProgress[],
  /** `userId|moduleId` of the people who passed the module. */
  finished: ReadonlySet<string>,
): { sections: SectionEngagement[]; modules: ModuleDropOff[] } {
  const ordered = [...sections].sort(
    (a, b) => a.moduleId.localeCompare(b.moduleId) || a.position - b.position || a.id.localeCompare(b.id),
  );
  const moduleOf = new Map(ordered.map((s) => [s.id, s.moduleId]));
  const rows = progress.filter((p) => moduleOf.has(p.sectionId));
  const bySection = new Map<string, SectionProgress[]>();
  const byPerson = new Map<string, Map<string, SectionProgress>>();
  for (const p of rows) {
    bySection.set(p.sectionId, [...(bySection.get(p.sectionId) ?? []), p]);
    const key = `${p.userId}|${moduleOf.get(p.sectionId)}`;
    const mine = byPerson.get(key) ?? new Map<string, SectionProgress>();
    mine.set(p.sectionId, p);
    byPerson.set(key, mine);
  }
  const stopped = new Map<string, number>();
  const modules = new Map<string, ModuleDropOff>();
  for (const [key, mine] of byPerson) {
    const moduleId = key.slice(key.indexOf('|') + 1);
    const m = modules.get(moduleId) ?? { moduleId, started: 0, finished: 0, stoppedAtAssessment: 0 };
    m.started += 1;
    if (finished.has(key)) m.finished += 1;
    else {
      const undone = ordered.find((s) => s.moduleId === moduleId && !mine.get(s.id)?.completed);
      if (undone) stopped.set(undone.id, (stopped.get(undone.id) ?? 0) + 1);
      else m.stoppedAtAssessment += 1;
    }
    modules.set(moduleId, m);
  }
  return {
    sections: ordered.map((s) => {
      const list = bySection.get(s.id) ?? [];
      const seconds = list.map((p) => p.seconds);
      const total = seconds.reduce((a, b) => a + b, 0);
      return {
        sectionId: s.id,
        moduleId: s.moduleId,
        position: s.position,
        learners: list.length,
        totalSeconds: total,
        meanSeconds: list.length ? Math.round((total / list.length) * 10) / 10 : null,
        medianSeconds: median(seconds),
        completed: list.filter((p) => p.completed).length,
        stoppedHere: stopped.get(s.id) ?? 0,
      };
    }),
    modules: [...modules.values()].sort((a, b) => a.moduleId.localeCompare(b.moduleId)),
  };
}

export interface MissedQuestion {
  questionId: string;
  answered: number;
  missed: number;
  /** Percentage of the answers that were wrong, one decimal. */
  missRate: number;
}

/**
 * The questions most often answered wrongly: most misses first, then the higher miss rate, then
 * the question id so the order is stable. Questions never missed are left out.
 *
 * @example
 * mostMissed([{ questionId: 'q1', correct: false }, { questionId: 'q1', correct: true }, { questionId: 'q2', correct: true }])
 * // [{ questionId: 'q1', answered: 2, missed: 1, missRate: 50 }]
 */
export function mostMissed(
  responses: readonly { questionId: string; correct: boolean }[],
  limit = 10,
): MissedQuestion[] {
  const by = new Map<string, { answered: number; missed: number }>();
  for (const r of responses) {
    const e = by.get(r.questionId) ?? { answered: 0, missed: 0 };
    e.answered += 1;
    if (!r.correct) e.missed += 1;
    by.set(r.questionId, e);
  }
  return [...by]
    .filter(([, e]) => e.missed > 0)
    .map(([questionId, e]) => ({
      questionId,
      answered: e.answered,
      missed: e.missed,
      missRate: Math.round((e.missed / e.answered) * 1000) / 10,
    }))
    .sort((a, b) => b.missed - a.missed || b.missRate - a.missRate || a.questionId.localeCompare(b.questionId))
    .slice(0, limit);
}
