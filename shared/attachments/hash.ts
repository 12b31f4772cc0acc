import { createHash } from 'node:crypto';

/** The hash a file is known by, everywhere (kiosk, hub and shore); Node only, never the renderer. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
