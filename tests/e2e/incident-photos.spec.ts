import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { apiAs, expect, LAYOUTS, openKiosk, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

type Photo = { width: number; height: number; mime: string; here: boolean; ashore: boolean };

test('a report with a photo taken on the kiosk: resized before it is kept, shown on the incident as still on board, and one more added later', async ({
  page,
  kiosk,
}) => {
  // A large picture, as a tablet camera gives: 2400 px on each side.
  const big = join(kiosk.dataDir, 'spill.png');
  writeFileSync(big, await QRCode.toBuffer('oil on the galley floor', { width: 2400 }));
  const other = join(kiosk.dataDir, 'rail.png');
  writeFileSync(other, await QRCode.toBuffer('the rail that held', { width: 800 }));
  const notPicture = join(kiosk.dataDir, 'notes.txt');
  writeFileSync(notPicture, 'not a picture');

  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-incidents').click();
  await page.getByTestId('type-near_miss').click();
  await page.getByTestId('severity-low').click();
  await page.getByTestId('place-choice').filter({ hasText: 'Kitchen' }).click();
  await page.getByTestId('incident-what').fill('Oil spilled by the fryer, nobody fell');

  // Something that is not a picture is refused in words before anything is sent.
  await page.getByTestId('incident-photo').setInputFiles(notPicture);
  await expect(page.getByTestId('incident-photo-error')).toBeVisible();
  await page.getByTestId('incident-photo').setInputFiles(big);
  const pending = page.getByTestId('incident-pending-photos').locator('img');
  await expect(pending).toHaveCount(1);
  // And one taken with the kiosk's camera (Chromium's test camera): the dialog, then the frame.
  const camera = page.getByTestId('camera-dialog');
  // The dialog is modal: the language is switched with it closed, then it is opened again.
  for (const locale of ['fr', 'en'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('incident-camera').click();
    await expect(camera.getByTestId('camera-take')).toBeEnabled();
    for (const [orientation, size] of LAYOUTS) {
      await page.setViewportSize(size);
      await page.screenshot({ path: shot(`incident-camera-${locale}-${orientation}`) });
    }
    if (locale === 'fr') await camera.getByTestId('camera-cancel').click();
  }
  await camera.getByTestId('camera-take').click();
  await expect(camera).toHaveCount(0);
  await expect(pending).toHaveCount(2);
  await expect(page.getByTestId('incident-photo-error')).toHaveCount(0);
  await shootLayouts(page, shot, 'incident-report-photo', () => expect(pending.last()).toBeVisible());
  await page.getByTestId('lang-en').click();
  await page.getByTestId('incident-submit').click();
  await expect(page.getByTestId('incidents-notice')).toBeVisible();
  await expect(page.getByTestId('incident-pending-photos')).toHaveCount(0);

  await page.getByTestId('incidents-tab-list').click();
  await page.getByTestId('incident-row').click();
  const detail = page.getByTestId('incident-detail');
  const photos = detail.getByTestId('incident-photo');
  await expect(photos).toHaveCount(2);
  // This kiosk keeps it; shore has not received it (this kiosk has no link): still on board.
  await expect(photos.first()).toHaveAttribute('data-state', 'onBoard');
  await expect(photos.first()).toContainText('Still on board');
  await expect(photos.first().locator('img')).toBeVisible();
  const [incident] = await apiAs<{ id: string }[]>(page, 'incidents.list', { open: false });
  const kept = (await apiAs<{ photos: Photo[] }>(page, 'incidents.detail', { id: incident!.id })).photos;
  // Resized on the kiosk to 1600 px and kept as JPEG; the camera's landscape frame no larger. Both
  // were added in the same instant (their order is then by id), so each is found by its shape.
  const square = kept.find((p) => p.width === p.height);
  const frame = kept.find((p) => p.width !== p.height);
  expect(square).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1600 });
  expect(frame!.mime).toBe('image/jpeg');
  expect(Math.max(frame!.width, frame!.height)).toBeLessThanOrEqual(1600);
  expect(frame!.width).toBeGreaterThan(frame!.height);
  // The picture shown is the one kept, at its kept size.
  const natural = await photos
    .nth(kept.indexOf(square!))
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(natural).toBe(1600);

  await detail.getByTestId('incident-add-photo').setInputFiles(other);
  await expect(photos).toHaveCount(3);
  await expect(detail.getByTestId('incident-photos')).toContainText('Photos (3)');
  await shootLayouts(page, shot, 'incident-photos', () => expect(photos.nth(2).locator('img')).toBeVisible());
  await page.getByTestId('lang-en').click();

  // The manager's report PDF shows both pictures; its pages are rendered to look at.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Camille Martin');
  const pdf = await apiAs<{ base64: string; fileName: string }>(page, 'incidents.exportReport', {
    id: incident!.id,
    format: 'pdf',
  });
  const file = join(kiosk.dataDir, pdf.fileName);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images).toHaveLength(3);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, shot('incident-report-pdf-photos').replace(/\.png$/, '')]);
});
