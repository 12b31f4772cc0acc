import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation, type MutationContext, type MutationDef } from '../mutations/define.js';
import { can } from '../permissions.js';
import {
  ATTACHMENT_MIMES,
  attachmentId,
  MAX_ATTACHMENT_BYTES,
  MAX_PHOTOS_PER_RECORD,
  MAX_PICTURES_PER_MODULE,
  sha256Hex,
} from './content.js';

export const ATTACHMENT_OWNER_KINDS = ['incident', 'training_module'] as const;

/**
 * The record a file is attached to must be of this site, and the person must be one who may add
 * to it. Checked here, so shore checks it again when it re-runs the mutation; a replay on the
 * kiosk was checked when it first ran.
 */
async function checkOwner(ctx: MutationContext, kind: (typeof ATTACHMENT_OWNER_KINDS)[number], ownerId: string) {
  if (kind === 'incident') {
    if (!ctx.replaying && !can(ctx.permissions, 'incidents.report'))
      throw new AppError('FORBIDDEN', 'Only people who report incidents may add photos to one.');
    const incident = await ctx.db
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', ownerId)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!incident) throw new AppError('NOT_FOUND', 'That incident is not on this site.', { field: 'ownerId' });
  }
  // A picture for a module being written: the draft may not be saved yet, so only the author's
  // permission is checked; the section that shows it names it by its hash.
  if (kind === 'training_module' && !ctx.replaying && !can(ctx.permissions, 'training.author'))
    throw new AppError('FORBIDDEN', 'Only people who write training modules may add pictures to one.');
}

/**
 * Attaches a file the kiosk already keeps (its bytes hashed and checked there) to a record. Only
 * the reference travels here; the bytes follow in the bulk lane. The same file on the same record
 * twice is one row, so two kiosks adding it offline merge.
 */
export const addAttachment = defineMutation({
  name: 'attachments.add',
  version: 1,
  authority: 'session',
  args: z
    .object({
      ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
      ownerId: z.uuid(),
      sha256: sha256Hex,
      mime: z.enum(ATTACHMENT_MIMES),
      size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
      width: z.number().int().min(1).max(10_000),
      height: z.number().int().min(1).max(10_000),
    })
    .strict(),
  async run(ctx, a) {
    if (ctx.userId === null) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN to add a photo.');
    await checkOwner(ctx, a.ownerKind, a.ownerId);
    const id = attachmentId(ctx.siteId, a.ownerKind, a.ownerId, a.sha256);
    const others = await ctx.db
      .selectFrom('attachments')
      .select(['id'])
      .where('site_id', '=', ctx.siteId)
      .where('owner_kind', '=', a.ownerKind)
      .where('owner_id', '=', a.ownerId)
      .execute();
    if (others.some((o) => o.id === id)) return;
    const most = a.ownerKind === 'incident' ? MAX_PHOTOS_PER_RECORD : MAX_PICTURES_PER_MODULE;
    if (!ctx.replaying && others.length >= most)
      throw new AppError('CONFLICT', `A record carries at most ${most} pictures.`, {
        field: 'photos',
        reason: 'too_many',
      });
    await ctx.write.insertIfAbsent('attachments', {
      id,
      site_id: ctx.siteId,
      owner_kind: a.ownerKind,
      owner_id: a.ownerId,
      sha256: a.sha256,
      mime: a.mime,
      size: a.size,
      width: a.width,
      height: a.height,
      added_by: ctx.userId,
      device_id: ctx.deviceId,
    });
  },
});

export const ATTACHMENTS_MUTATIONS: readonly MutationDef[] = [addAttachment];
