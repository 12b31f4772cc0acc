import { z } from 'zod';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES } from './content.js';

/**
 * Where a photo is, as a screen says it: `here` (on this kiosk; `ashore` tells whether shore has it
 * too, else "still on board"), or `elsewhere` (another kiosk of the site took it: "still on board"
 * until shore has it, then "on its way" until this kiosk fetched it).
 */
export const photoEntry = z.object({
  id: z.uuid(),
  sha256: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
  here: z.boolean(),
  ashore: z.boolean(),
});
export type PhotoEntry = z.infer<typeof photoEntry>;

/** The largest `*.addPhoto` request: a 2 MiB picture in base64 and its envelope. */
export const PHOTO_UPLOAD_MAX_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4096;

/** A picture sent by the renderer, already resized there; the kiosk checks what it really is. */
export const photoUpload = z
  .object({
    mime: z.enum(ATTACHMENT_MIMES, { message: 'A photo is a JPEG or PNG picture' }),
    /** The bytes in base64: at most 2 MiB of picture. */
    base64: z
      .string()
      .min(1, 'Take or choose a photo')
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, 'The photo is over 2 MiB even after resizing: take it again'),
  })
  .strict();
export type PhotoUpload = z.infer<typeof photoUpload>;
