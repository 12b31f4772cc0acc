import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { attachmentId, attachmentProblem, imageSizeOf } from '../../../shared/attachments/content.js';
import type { PhotoEntry, PhotoUpload } from '../../../shared/attachments/contract.js';
import { addAttachment, type ATTACHMENT_OWNER_KINDS } from '../../../shared/attachments/mutations.js';
import type { LocalDatabase } from '../db/local-schema.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import type { AttachmentFiles } from './files.js';

type OwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];
type Actor = Parameters<MutationRunner['run']>[2];

/** The photos of one record, oldest first, each with where it is (contract: `photoEntry`). */
export async function photosOf(
  db: Kysely<LocalDatabase>,
  files: AttachmentFiles,
  siteId: string,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<PhotoEntry[]> {
  const rows = await db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .leftJoin('attachment_arrivals as r', (j) =>
      j.onRef('r.site_id', '=', 'a.site_id').onRef('r.sha256', '=', 'a.sha256'),
    )
    .select([
      'a.id',
      'a.sha256',
      'a.mime',
      'a.size',
      'a.width',
      'a.height',
      'a.created_at',
      'u.display_name',
      'r.id as arrival',
    ])
    .where('a.site_id', '=', siteId)
    .where('a.owner_kind', '=', ownerKind)
    .where('a.owner_id', '=', ownerId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    size: r.size,
    width: r.width,
    height: r.height,
    addedAt: r.created_at,
    addedByName: r.display_name ?? null,
    here: files.has(r.sha256),
    ashore: r.arrival !== null,
  }));
}

/**
 * Keeps a photo the renderer sent: its bytes checked for what they really are, written under their
 * hash, then the reference added by mutation (which checks the person and the record). A refused
 * mutation leaves the file behind, unreferenced and never sent: harmless, and kept once.
 */
export async function keepPhoto(
  deps: { files: AttachmentFiles; runner: MutationRunner; siteId: string },
  owner: { kind: OwnerKind; id: string },
  photo: PhotoUpload,
  actor: Actor,
): Promise<{ id: string; sha256: string }> {
  const bytes = Buffer.from(photo.base64, 'base64');
  const problem = attachmentProblem(bytes, photo.mime);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { issues: [{ path: 'photo', message: problem }] });
  const { width, height } = imageSizeOf(bytes)!;
  const sha256 = deps.files.write(bytes);
  await deps.runner.run(
    addAttachment,
    {
      ownerKind: owner.kind,
      ownerId: owner.id,
      sha256,
      mime: photo.mime,
      size: bytes.length,
      width,
      height,
    },
    actor,
  );
  return { id: attachmentId(deps.siteId, owner.kind, owner.id, sha256), sha256 };
}

/** One photo's bytes for a screen, or NOT_FOUND when this kiosk does not hold them (yet). */
export async function photoContent(
  db: Kysely<LocalDatabase>,
  files: AttachmentFiles,
  siteId: string,
  owner: { kind: OwnerKind; id: string },
  photoId: string,
): Promise<{ mime: string; base64: string }> {
  const row = await db
    .selectFrom('attachments')
    .select(['sha256', 'mime'])
    .where('id', '=', photoId)
    .where('site_id', '=', siteId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That photo is not part of this record.', { field: 'photoId' });
  const bytes = files.read(row.sha256);
  if (!bytes)
    throw new AppError('NOT_FOUND', 'This photo is not on this kiosk yet.', { field: 'photoId', reason: 'not_here' });
  return { mime: row.mime, base64: bytes.toString('base64') };
}
