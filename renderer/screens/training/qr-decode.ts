import jsQR from 'jsqr';

/**
 * Reads a QR code from an image source (a decoded file or a video frame) with jsqr, drawn on an
 * offscreen canvas; nothing leaves the kiosk. Large photos are scaled down first: jsqr's time
 * grows with the pixel count and a QR code needs far fewer pixels than a phone photo has.
 */
const MAX_SIDE = 1600;

export function qrFrom(source: CanvasImageSource, width: number, height: number): string | null {
  if (!width || !height) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) return null;
  g.drawImage(source, 0, 0, w, h);
  const code = jsQR(g.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
  return code?.data ?? null;
}

/** The QR code in an image file (PNG, JPEG, …), or null when none is found. */
export async function qrFromImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return qrFrom(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
