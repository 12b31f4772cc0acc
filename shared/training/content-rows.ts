import { derivedId } from '../ids.js';
import type {
  TrainingModuleRow,
  TrainingPathRow,
  TrainingPracticalItemRow,
  TrainingQuestionRow,
  TrainingSectionRow,
} from './schema.js';
import { DEMO_MODULES, DEMO_PATHS, type ContentModule, type ContentPath } from './demo-content.js';

/** Ids derived from the natural keys, so every replica and the server hold the same rows. */
export const moduleId = (code: string, version: number) => derivedId('training_module', code, String(version));
export const sectionId = (code: string, version: number, position: number) =>
  derivedId('training_section', code, String(version), String(position));
export const questionId = (code: string, version: number, position: number) =>
  derivedId('training_question', code, String(version), String(position));
export const pathId = (code: string) => derivedId('training_path', code);
export const practicalItemId = (code: string, version: number, position: number) =>
  derivedId('training_practical_item', code, String(version), String(position));

/** Shipped content carries a fixed timestamp, so replicas seeded apart still hold equal rows. */
export const CONTENT_TIME = '2026-01-01T00:00:00.000Z';

export interface ContentRows {
  modules: TrainingModuleRow[];
  sections: TrainingSectionRow[];
  questions: TrainingQuestionRow[];
  practicalItems: TrainingPracticalItemRow[];
  paths: TrainingPathRow[];
}

const base = { site_id: null, created_at: CONTENT_TIME, updated_at: CONTENT_TIME };

export function moduleRows(m: ContentModule): Omit<ContentRows, 'paths'> {
  const id = moduleId(m.code, m.version);
  return {
    modules: [
      {
        ...base,
        id,
        code: m.code,
        version: m.version,
        status: 'published',
        title_en: m.title.en,
        title_fr: m.title.fr,
        description_en: m.description.en,
        description_fr: m.description.fr,
        objectives: JSON.stringify(m.objectives),
        difficulty: m.difficulty,
        estimated_minutes: m.estimatedMinutes,
        prerequisites: JSON.stringify(m.prerequisites),
        pass_threshold: m.passThreshold,
        max_attempts: m.maxAttempts,
        cooldown_minutes: m.cooldownMinutes,
        validity_days: m.validityDays,
        category: m.category ?? 'general',
        published_at: CONTENT_TIME,
        deleted_at: null,
      },
    ],
    sections: m.sections.map((s, i) => ({
      ...base,
      id: sectionId(m.code, m.version, i + 1),
      module_id: id,
      position: i + 1,
      title_en: s.title.en,
      title_fr: s.title.fr,
      body_en: s.body.en,
      body_fr: s.body.fr,
      image: s.image,
      deleted_at: null,
    })),
    questions: m.questions.map((q, i) => ({
      ...base,
      id: questionId(m.code, m.version, i + 1),
      module_id: id,
      position: i + 1,
      kind: q.kind,
      prompt_en: q.prompt.en,
      prompt_fr: q.prompt.fr,
      options: JSON.stringify(q.options),
      correct: JSON.stringify(q.correct),
      weight: q.weight,
      explanation_en: q.explanation.en,
      explanation_fr: q.explanation.fr,
      scenario_en: q.scenario?.en ?? null,
      scenario_fr: q.scenario?.fr ?? null,
      deleted_at: null,
    })),
    practicalItems: (m.practicalItems ?? []).map((p, i) => ({
      ...base,
      id: practicalItemId(m.code, m.version, i + 1),
      module_id: id,
      position: i + 1,
      title_en: p.title.en,
      title_fr: p.title.fr,
      weight: p.weight,
      critical: p.critical ? 1 : 0,
      deleted_at: null,
    })),
  };
}

export function pathRow(p: ContentPath): TrainingPathRow {
  return {
    ...base,
    id: pathId(p.code),
    code: p.code,
    kind: p.kind,
    title_en: p.title.en,
    title_fr: p.title.fr,
    module_codes: JSON.stringify(p.moduleCodes),
    role_codes: JSON.stringify(p.roleCodes),
    deleted_at: null,
  };
}

/** Every row of the shipped content. */
export function shippedContentRows(): ContentRows {
  const out: ContentRows = {
    modules: [],
    sections: [],
    questions: [],
    practicalItems: [],
    paths: DEMO_PATHS.map(pathRow),
  };
  for (const m of DEMO_MODULES) {
    const r = moduleRows(m);
    out.modules.push(...r.modules);
    out.sections.push(...r.sections);
    out.questions.push(...r.questions);
    out.practicalItems.push(...r.practicalItems);
  }
  return out;
}
