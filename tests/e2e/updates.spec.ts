import { fileURLToPath } from 'node:url';
import { apiAs, expect, LAYOUTS, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/** The Updates panel: the administrator moves the site to the pilot builds for half its kiosks, then back to a version. */
test('an administrator sets the site’s staged updates by touch and keyboard, and keeps an earlier version', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-admin').click();
  const panel = page.getByTestId('updates-panel');
  await expect(panel.getByTestId('updates-form')).toBeVisible();
  await expect(panel.getByTestId('updates-ring-broad')).toBeChecked();
  await expect(panel.getByTestId('updates-percent')).toHaveValue('100');

  await panel.getByText('Pilot', { exact: true }).click();
  await expect(panel.getByTestId('updates-ring-pilot')).toBeChecked();
  // By keyboard: the share, then the window.
  await panel.getByTestId('updates-percent').fill('');
  await panel.getByTestId('updates-save').click();
  await expect(panel.getByTestId('updates-bad-percent')).toHaveText('Enter a share between 0 and 100.');
  await panel.getByTestId('updates-percent').pressSequentially('50');
  await panel.getByTestId('updates-window-start').fill('01:00');
  await panel.getByTestId('updates-window-end').fill('04:30');
  await panel.getByTestId('updates-save').click();
  await expect(panel.getByTestId('updates-saved')).toHaveText(
    'Saved: 50 % of the kiosks follow the Pilot builds, from their next sync.',
  );
  const saved = await apiAs<{ policy: unknown }>(page, 'updates.policy', {});
  expect(saved.policy).toEqual({
    ring: 'pilot',
    percent: 50,
    pinnedVersion: null,
    windowStart: '01:00',
    windowEnd: '04:30',
  });

  // A version that is not one is refused in words, and nothing changes.
  await panel.getByTestId('updates-pinned').fill('latest please');
  await panel.getByTestId('updates-save').click();
  await expect(panel.getByTestId('updates-bad-version')).toContainText('such as 1.4.0');
  expect(
    (await apiAs<{ policy: { pinnedVersion: string | null } }>(page, 'updates.policy', {})).policy.pinnedVersion,
  ).toBe(null);
  await panel.getByTestId('updates-pinned').fill('1.3.0');
  await panel.getByTestId('updates-save').click();
  await expect(panel.getByTestId('updates-saved')).toHaveText(
    'Saved: every kiosk of the site installs 1.3.0 in the window, from its next sync.',
  );

  await panel.scrollIntoViewIfNeeded();
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, size] of LAYOUTS) {
      await page.setViewportSize(size);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: shot(`admin-updates-${locale}-${orientation}`) });
    }
  }
  await expect(panel).toContainText('Mises à jour de ce site');
});
