/**
 * Screenshots of every view in light and dark mode at 1440 and 1024 px, for looking at the layout by eye.
 * Skipped unless SRD_SCREENSHOTS is set: `SRD_SCREENSHOTS=1 npx playwright test screenshots`.
 * Files go to screenshots/ (git-ignored).
 */
import { expect, test } from '@playwright/test';

const WIDTHS = [1440, 1024] as const;
const SCHEMES = ['light', 'dark'] as const;

test.skip(!process.env.SRD_SCREENSHOTS, 'set SRD_SCREENSHOTS=1 to write screenshots');

for (const width of WIDTHS) {
  for (const colorScheme of SCHEMES) {
    test(`views at ${width} px, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const shot = (name: string, fullPage = true) =>
        page.screenshot({ path: `screenshots/${name}-${width}-${colorScheme}.png`, fullPage });

      await page.goto('./');
      await shot('landing');

      await page.getByRole('button', { name: 'Explore the sample exports' }).click();
      await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });
      await shot('overview');

      await page.getByRole('button', { name: 'Responsibility model' }).click();
      await shot('responsibility');

      await page.getByRole('button', { name: 'Findings', exact: false }).first().click();
      await expect(page.getByTestId('findings-table')).toBeVisible();
      await shot('findings', false);
      await page.getByTestId('findings-table').getByRole('row').nth(1).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot('detail', false);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /^Files/ }).click();
      await shot('files');
    });
  }
}
