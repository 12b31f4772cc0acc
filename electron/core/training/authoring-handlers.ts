import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { practicalItemsOf } from '../../../shared/training/attempt-completion.js';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { loadDraft, publishModule, saveDraft, type draftArgs } from '../../../shared/training/authoring-mutations.js';
import { publishProblems } from '../../../shared/training/draft-rules.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import type { CallContext } from '../api/dispatcher.js';
import { keepPhoto } from '../attachments/photos.js';
import { sectionImageHash, sectionImageRef } from '../../../shared/attachments/content.js';
import type { PhotoUpload } from '../../../shared/attachments/contract.js';

type Draft = z.infer<typeof draftArgs>;

/** The back-office authoring screen's methods: list, load, save a draft (with what blocks publishing), publish. */
export function createAuthoringHandlers(deps: HandlerDeps) {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  return {
    'training.drafts': async () => {
      const site = await deps.site();
      const rows = await db
        .selectFrom('training_modules')
        .select(['id', 'code', 'version', 'status', 'title_en', 'title_fr', 'site_id'])
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', site.id)]))
        .orderBy('code')
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        version: r.version,
        status: r.status,
        title: { en: r.title_en, fr: r.title_fr },
        orgWide: r.site_id === null,
      }));
    },
    'training.loadDraft': async (input: { moduleId: string }) => {
      const m = await db.selectFrom('training_modules').selectAll().where('id', '=', input.moduleId).executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND', 'That module does not exist.');
      const sections = await db
        .selectFrom('training_sections')
        .selectAll()
        .where('module_id', '=', m.id)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute();
      const questions = await db
        .selectFrom('training_questions')
        .selectAll()
        .where('module_id', '=', m.id)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute();
      return {
        id: m.id,
        code: m.code,
        status: m.status,
        version: m.version,
        title: { en: m.title_en, fr: m.title_fr },
        description: { en: m.description_en, fr: m.description_fr },
        objectives: JSON.parse(m.objectives) as Draft['objectives'],
        difficulty: m.difficulty,
        estimatedMinutes: m.estimated_minutes,
        prerequisites: JSON.parse(m.prerequisites) as string[],
        passThreshold: m.pass_threshold,
        maxAttempts: m.max_attempts,
        cooldownMinutes: m.cooldown_minutes,
        validityDays: m.validity_days,
        category: m.category,
        sections: sections.map((s) => ({
          id: s.id,
          title: { en: s.title_en, fr: s.title_fr },
          body: { en: s.body_en, fr: s.body_fr },
          image: s.image,
        })),
        questions: questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          prompt: { en: q.prompt_en, fr: q.prompt_fr },
          options: JSON.parse(q.options) as Draft['questions'][number]['options'],
          correct: JSON.parse(q.correct) as string[],
          weight: q.weight,
          explanation: { en: q.explanation_en, fr: q.explanation_fr },
          scenario: q.scenario_en === null ? null : { en: q.scenario_en, fr: q.scenario_fr ?? '' },
        })),
        practicalItems: (await practicalItemsOf(db, m.id)).map((p) => ({
          id: p.id,
          title: { en: p.title_en, fr: p.title_fr },
          weight: p.weight,
          critical: p.critical === 1,
        })),
      };
    },
    'training.addImage': async (input: { moduleId: string; photo: PhotoUpload }, ctx: CallContext) => {
      if (!deps.attachments) throw new AppError('INTERNAL', 'This kiosk keeps no attachments.');
      const site = await deps.site();
      const kept = await keepPhoto(
        { files: deps.attachments.files, runner: deps.runner, siteId: site.id },
        { kind: 'training_module', id: input.moduleId },
        input.photo,
        actorOf(ctx),
      );
      deps.attachments.added();
      return { image: sectionImageRef(kept.sha256) };
    },
    'training.image': async (input: { image: string }) => {
      const sha256 = sectionImageHash(input.image);
      if (!sha256 || !deps.attachments)
        throw new AppError('NOT_FOUND', 'That is not a picture kept on this kiosk.', { field: 'image' });
      const site = await deps.site();
      // Only a training picture: an incident's photo is never shown here, whoever knows its hash.
      const ref = await db
        .selectFrom('attachments')
        .select('mime')
        .where('site_id', '=', site.id)
        .where('owner_kind', '=', 'training_module')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      const bytes = ref ? deps.attachments.files.read(sha256) : null;
      if (!ref || !bytes)
        throw new AppError('NOT_FOUND', 'This picture is not on this kiosk yet.', {
          field: 'image',
          reason: 'not_here',
        });
      return { mime: ref.mime, base64: bytes.toString('base64') };
    },
    'training.saveDraft': async (input: Draft, ctx: CallContext) => {
      await deps.runner.run(saveDraft, input, actorOf(ctx));
      return { id: input.id, problems: publishProblems((await loadDraft({ db }, input.id))!) };
    },
    'training.publish': async (input: { moduleId: string }, ctx: CallContext) => {
      await deps.runner.run(publishModule, input, actorOf(ctx));
      return { ok: true as const };
    },
  };
}
