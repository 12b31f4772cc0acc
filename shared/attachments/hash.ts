import { createHash } from 'node:crypto';
import { attachmentProblem } from './content.js';

/** The hash a file is known by, everywhere (kiosk, hub and shore); Node only, never the renderer. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Why bytes sent to `PUT /v1/attachments/:sha256` may not be kept (shore and a site hub ask the
 * same): they do not hash to their address, or are not the picture they claim to be. Null when
 * they may.
 */
export function uploadProblem(
  bytes: Uint8Array,
  sha256: string,
  mime: string,
): { message: string; field: 'sha256' | 'content'; reason?: 'hash_mismatch' } | null {
  if (sha256Of(bytes) !== sha256)
    return {
      message: 'The bytes sent do not hash to the address; nothing was kept.',
      field: 'sha256',
      reason: 'hash_mismatch',
    };
  const problem = attachmentProblem(bytes, mime);
  return problem ? { message: problem, field: 'content' } : null;
}
