import { z } from 'zod';
import { derivedId } from '../ids.js';

/** The largest file a kiosk keeps or sends (a photo is resized on the kiosk to well under this). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** The longest side a kiosk resizes a photo to before keeping it. */
export const PHOTO_MAX_SIDE = 1600;
/** Photos one incident may carry. */
export const MAX_PHOTOS_PER_RECORD = 10;
/** Pictures one training module (all its versions' drafts) may carry. */
export const MAX_PICTURES_PER_MODULE = 60;

export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 lowercase hexadecimal characters');

/** What the bytes really are, by their first bytes (never by a name or a declared type). */
export function imageMimeOf(bytes: Uint8Array): AttachmentMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/**
 * A picture's width and height from its own header (PNG's IHDR, JPEG's start-of-frame), or null
 * when the header cannot be read: the kiosk never takes a renderer's word for them.
 */
export function imageSizeOf(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mime = imageMimeOf(bytes);
  if (mime === 'image/png') {
    if (bytes.length < 24) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (mime !== 'image/jpeg') return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = view.getUint16(i + 2);
    // Start of frame: any SOFn but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    i += 2 + length;
  }
  return null;
}

/**
 * Why these bytes may not be kept as an attachment declared as `mime`, in words naming the
 * field, or null when they may.
 */
export function attachmentProblem(bytes: Uint8Array, mime: string): string | null {
  if (bytes.length === 0) return 'The file is empty.';
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return `The file is ${Math.ceil(bytes.length / 1024)} KiB; at most ${MAX_ATTACHMENT_BYTES / 1024} KiB is kept.`;
  const real = imageMimeOf(bytes);
  if (!real) return 'The file is not a JPEG or PNG picture.';
  if (real !== mime) return `The file is a ${real} picture, not ${mime}.`;
  const size = imageSizeOf(bytes);
  if (!size || size.width < 1 || size.height < 1 || size.width > 10_000 || size.height > 10_000)
    return 'The picture’s size cannot be read; take or choose it again.';
  return null;
}

/** How a training section names a picture kept as an attachment (others name a shipped file). */
export const SECTION_IMAGE_PREFIX = 'sha256:';
export const sectionImageRef = (sha256: string) => `${SECTION_IMAGE_PREFIX}${sha256}`;
/** The hash a section's image names, or null for a shipped image file (or none). */
export const sectionImageHash = (image: string | null): string | null =>
  image?.startsWith(SECTION_IMAGE_PREFIX) && /^[0-9a-f]{64}$/.test(image.slice(SECTION_IMAGE_PREFIX.length))
    ? image.slice(SECTION_IMAGE_PREFIX.length)
    : null;

/** The row of one file attached to one record: the same photo added twice is one row. */
export const attachmentId = (siteId: string, ownerKind: string, ownerId: string, sha256: string): string =>
  derivedId('attachment', siteId, ownerKind, ownerId, sha256);

/** Shore's row saying it holds the bytes of `sha256` for the site. */
export const arrivalId = (siteId: string, sha256: string): string => derivedId('attachment_arrival', siteId, sha256);
