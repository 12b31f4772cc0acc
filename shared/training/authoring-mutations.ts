import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { publishProblems, type DraftModule } from './draft-rules.js';

/**
 * Authoring. Content an administrator writes at a kiosk belongs to that kiosk's site (site_id =
 * the author's site): the kiosk and server writers only accept rows of the device's own site, and
 * organisation-wide authoring (site_id NULL, for every site) needs them extended to trust
 * `training.author` with org rows — left for later; the shipped content is organisation-wide.
 * A published version never changes: editing it means saving a draft of the next version.
 */
const text = (max: number) => z.string().max(max);
const lang = (max: number) => z.object({ en: text(max), fr: text(max) }).strict();
export const draftArgs = z
  .object({
    id: z.uuid(),
    code: z.string().regex(/^[A-Z][A-Z0-9_]{2,59}$/, 'Codes are capitals, digits and _, like FOOD_SAFETY_101'),
    title: lang(200),
    description: lang(2000),
    objectives: z.object({ en: z.array(text(300)).max(20), fr: z.array(text(300)).max(20) }).strict(),
    difficulty: z.number().int().min(1).max(5),
    estimatedMinutes: z.number().int().min(1).max(600),
    prerequisites: z.array(z.string().max(60)).max(20),
    passThreshold: z.number().int().min(1).max(100),
    maxAttempts: z.number().int().min(0).max(20),
    cooldownMinutes: z.number().int().min(0).max(10080),
    validityDays: z.number().int().min(0).max(3650),
    category: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, 'A category is a short code in small letters, like food_safety')
      .default('general'),
    sections: z
      .array(
        z.object({ id: z.uuid(), title: lang(200), body: lang(20000), image: z.string().max(120).nullable() }).strict(),
      )
      .max(50),
    questions: z
      .array(
        z
          .object({
            id: z.uuid(),
            kind: z.enum(['single', 'multiple']),
            prompt: lang(1000),
            options: z
              .array(z.object({ id: z.string().regex(/^[a-z0-9]{1,8}$/), en: text(300), fr: text(300) }).strict())
              .min(2)
              .max(8),
            correct: z.array(z.string()).min(1).max(8),
            weight: z.number().int().min(1).max(10),
            explanation: lang(1000),
            /** The situation of a scenario question; consecutive questions on one situation form a chain. */
            scenario: lang(2000).nullable().default(null),
          })
          .strict(),
      )
      .max(100),
    practicalItems: z
      .array(
        z
          .object({ id: z.uuid(), title: lang(300), weight: z.number().int().min(1).max(10), critical: z.boolean() })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

async function replaceChildren(
  ctx: MutationContext,
  table: 'training_sections' | 'training_questions' | 'training_practical_items',
  moduleId: string,
  rows: { id: string; row: Record<string, unknown> }[],
) {
  const existing = await ctx.db
    .selectFrom(table)
    .select(['id'])
    .where('module_id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .execute();
  const keep = new Set(rows.map((r) => r.id));
  for (const e of existing) if (!keep.has(e.id)) await ctx.write.softDelete(table, e.id);
  for (const r of rows) {
    const full = { id: r.id, site_id: ctx.siteId, module_id: moduleId, deleted_at: null, ...r.row };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (!(await ctx.write.insertIfAbsent(table, full as any)))
      await ctx.write.update(table, r.id, { ...r.row, deleted_at: null } as never);
  }
}

export const saveDraft = defineMutation({
  name: 'training.saveDraft',
  version: 1,
  authority: 'training.author',
  args: draftArgs,
  async run(ctx, a) {
    const current = await ctx.db
      .selectFrom('training_modules')
      .select(['id', 'status', 'site_id', 'version', 'code'])
      .where('id', '=', a.id)
      .executeTakeFirst();
    if (current && (current.site_id !== ctx.siteId || current.status !== 'draft'))
      throw new AppError('CONFLICT', 'A published module never changes. Save your edits as a new version.', {
        moduleId: a.id,
      });
    if (current && current.code !== a.code)
      throw new AppError('VALIDATION_FAILED', 'A module keeps its code from one version to the next.');
    const newest = await ctx.db
      .selectFrom('training_modules')
      .select(['version'])
      .where('code', '=', a.code)
      .where('id', '!=', a.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const version = current?.version ?? (newest ? newest.version + 1 : 1);
    const row = {
      code: a.code,
      version,
      status: 'draft' as const,
      title_en: a.title.en,
      title_fr: a.title.fr,
      description_en: a.description.en,
      description_fr: a.description.fr,
      objectives: JSON.stringify(a.objectives),
      difficulty: a.difficulty,
      estimated_minutes: a.estimatedMinutes,
      prerequisites: JSON.stringify(a.prerequisites),
      pass_threshold: a.passThreshold,
      max_attempts: a.maxAttempts,
      cooldown_minutes: a.cooldownMinutes,
      validity_days: a.validityDays,
      category: a.category,
      published_at: null,
      deleted_at: null,
    };
    if (current) await ctx.write.update('training_modules', a.id, row);
    else await ctx.write.insert('training_modules', { id: a.id, site_id: ctx.siteId, ...row });
    await replaceChildren(
      ctx,
      'training_sections',
      a.id,
      a.sections.map((s, i) => ({
        id: s.id,
        row: {
          position: i + 1,
          title_en: s.title.en,
          title_fr: s.title.fr,
          body_en: s.body.en,
          body_fr: s.body.fr,
          image: s.image,
        },
      })),
    );
    await replaceChildren(
      ctx,
      'training_questions',
      a.id,
      a.questions.map((q, i) => ({
        id: q.id,
        row: {
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
        },
      })),
    );
    await replaceChildren(
      ctx,
      'training_practical_items',
      a.id,
      a.practicalItems.map((p, i) => ({
        id: p.id,
        row: {
          position: i + 1,
          title_en: p.title.en,
          title_fr: p.title.fr,
          weight: p.weight,
          critical: p.critical ? 1 : 0,
        },
      })),
    );
  },
});

/** Reads a stored draft back in the shape the rules check. */
export async function loadDraft(ctx: Pick<MutationContext, 'db'>, moduleId: string): Promise<DraftModule | null> {
  const m = await ctx.db.selectFrom('training_modules').selectAll().where('id', '=', moduleId).executeTakeFirst();
  if (!m) return null;
  const sections = await ctx.db
    .selectFrom('training_sections')
    .selectAll()
    .where('module_id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const questions = await ctx.db
    .selectFrom('training_questions')
    .selectAll()
    .where('module_id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const items = await ctx.db
    .selectFrom('training_practical_items')
    .select(['title_en', 'title_fr'])
    .where('module_id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return {
    practicalItems: items.map((i) => ({ title: { en: i.title_en, fr: i.title_fr } })),
    title: { en: m.title_en, fr: m.title_fr },
    description: { en: m.description_en, fr: m.description_fr },
    sections: sections.map((s) => ({
      title: { en: s.title_en, fr: s.title_fr },
      body: { en: s.body_en, fr: s.body_fr },
    })),
    questions: questions.map((q) => ({
      kind: q.kind,
      prompt: { en: q.prompt_en, fr: q.prompt_fr },
      options: JSON.parse(q.options) as DraftModule['questions'][number]['options'],
      correct: JSON.parse(q.correct) as string[],
    })),
  };
}

export const publishModule = defineMutation({
  name: 'training.publish',
  version: 1,
  authority: 'training.author',
  args: z.object({ moduleId: z.uuid() }).strict(),
  async run(ctx, a) {
    const m = await ctx.db
      .selectFrom('training_modules')
      .select(['id', 'status', 'site_id', 'code', 'version'])
      .where('id', '=', a.moduleId)
      .executeTakeFirst();
    if (!m || m.site_id !== ctx.siteId) throw new AppError('NOT_FOUND', 'That draft does not exist at this site.');
    if (m.status !== 'draft') throw new AppError('CONFLICT', 'This version is already published.');
    const problems = publishProblems((await loadDraft(ctx, a.moduleId))!);
    if (problems.length)
      throw new AppError('VALIDATION_FAILED', `Not ready to publish: ${problems.map((p) => p.message).join('; ')}`, {
        problems,
      });
    await ctx.write.update('training_modules', a.moduleId, { status: 'published', published_at: ctx.now });
    // Older versions of this site's module stop being offered; progress keeps the version it took.
    const older = await ctx.db
      .selectFrom('training_modules')
      .select('id')
      .where('code', '=', m.code)
      .where('site_id', '=', ctx.siteId)
      .where('status', '=', 'published')
      .where('version', '<', m.version)
      .execute();
    for (const o of older) await ctx.write.update('training_modules', o.id, { status: 'retired' });
  },
});

export const AUTHORING_MUTATIONS: readonly MutationDef[] = [saveDraft, publishModule] as MutationDef[];
