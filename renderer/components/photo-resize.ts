import { PHOTO_MAX_SIDE } from '../../shared/attachments/content.js';
import { base64Of } from './file-base64.js';

export interface ResizedPhoto {
  mime: 'image/jpeg';
  base64: string;
  /** The resized picture as a data: URL for a preview (the CSP allows data: images, not blob:). */
  previewUrl: string;
}

/**
 * A picture from the camera or a file, resized on the kiosk to at most PHOTO_MAX_SIDE on its long
 * side and re-encoded as JPEG: a phone photo of several megabytes becomes a few hundred kilobytes
 * before it is kept, and what is kept carries no camera metadata (no location).
 */
export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode the photo'))), 'image/jpeg', 0.85),
    );
    const base64 = await base64Of(blob);
    return { mime: 'image/jpeg', base64, previewUrl: `data:image/jpeg;base64,${base64}` };
  } finally {
    bitmap.close();
  }
}
