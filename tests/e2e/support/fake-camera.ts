import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import QRCode from 'qrcode';

/** What the e2e's camera shows: a QR code holding this text (not a certificate). */
export const FAKE_CAMERA_TEXT = 'shiftdeck e2e camera: this is not a certificate';

/**
 * A one-frame Y4M video of a QR code, for Chromium's `--use-file-for-fake-video-capture`: the
 * kiosk's camera paths (a photo, a certificate's QR code) then run against a real decoder. The
 * modules are drawn straight into the luma plane (black 16, white 235), chroma flat.
 */
export function writeFakeCamera(path: string, text = FAKE_CAMERA_TEXT, width = 640, height = 480): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = Math.floor((Math.min(width, height) * 0.8) / (n + 8));
  const side = cell * (n + 8);
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - x0) / cell) - 4;
      const my = Math.floor((y - y0) / cell) - 4;
      if (mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx)) luma[y * width + x] = 16;
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, Buffer.from('FRAME\n'), luma, chroma]));
  return path;
}
