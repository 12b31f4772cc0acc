import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { attachmentId, attachmentProblem, imageMimeOf, imageSizeOf } from '../../../shared/attachments/content.js';
import { LARGEST_REQUEST_BYTES, MAX_REQUEST_BYTES, maxRequestBytesOf } from '../../../shared/api/contract.js';
import { makeTempDir } from '../../helpers/tmp.js';

describe('attachment content', () => {
  it('reads what a picture is and its size from its own bytes (PNG and JPEG)', async () => {
    const png = await QRCode.toBuffer('size', { width: 321 });
    expect([imageMimeOf(png), imageSizeOf(png)]).toEqual(['image/png', { width: 321, height: 321 }]);
    // A real JPEG, 640 wide and 480 high: a page of that size rendered by poppler at 72 dpi.
    const dir = makeTempDir('shiftdeck-jpeg-');
    const doc = await PDFDocument.create();
    doc.addPage([640, 480]);
    writeFileSync(join(dir, 'p.pdf'), await doc.save());
    execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
    const jpeg = readFileSync(join(dir, 'p.jpg'));
    expect([imageMimeOf(jpeg), imageSizeOf(jpeg)]).toEqual(['image/jpeg', { width: 640, height: 480 }]);
    expect(attachmentProblem(jpeg, 'image/jpeg')).toBeNull();
    expect(attachmentProblem(jpeg, 'image/png')).toMatch(/image\/jpeg picture, not image\/png/);
  });

  it('refuses what is not a picture, is empty, too large or cut short', () => {
    expect(attachmentProblem(Buffer.from('hello'), 'image/png')).toMatch(/not a JPEG or PNG/);
    expect(attachmentProblem(Buffer.alloc(0), 'image/png')).toMatch(/empty/);
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(attachmentProblem(big, 'image/png')).toMatch(/at most 2048 KiB/);
    const cut = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]);
    expect(attachmentProblem(cut, 'image/jpeg')).toMatch(/size cannot be read/);
  });

  it('derives one id per photo and record, whoever adds it', () => {
    const a = attachmentId('s', 'incident', 'i', 'h'.repeat(64));
    expect(attachmentId('s', 'incident', 'i', 'h'.repeat(64))).toBe(a);
    expect(attachmentId('s', 'incident', 'j', 'h'.repeat(64))).not.toBe(a);
  });

  it('lets only the methods that carry a file past 64 KiB', () => {
    expect(maxRequestBytesOf('admin.createUser')).toBe(MAX_REQUEST_BYTES);
    expect(maxRequestBytesOf('no.such.method')).toBe(MAX_REQUEST_BYTES);
    expect(maxRequestBytesOf('incidents.addPhoto')).toBeGreaterThan(2 * 1024 * 1024);
    expect(LARGEST_REQUEST_BYTES).toBe(maxRequestBytesOf('incidents.checkRecordFile'));
  });
});
