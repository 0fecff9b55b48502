import { expect, test } from './fixtures';

/**
 * The Academy's mechanics, whatever a lab checks: the hub lists the four labs; starting one loads its data and
 * opens the first step with the progress panel beside the page; the panel follows the learner across pages and
 * after a reload; leaving hides it and the hub shows the progress kept on the server.
 */
test('start a lab, the progress panel follows the learner, leave and come back', async ({ page }) => {
  await page.goto('/#/academy');
  await expect(page.getByRole('heading', { name: 'Academy', level: 2 })).toBeVisible();
  const cards = page.locator('[data-lab]');
  await expect(cards).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('academy-1-hub.png'), fullPage: true });

  await page
    .locator('[data-lab="churn"]')
    .getByRole('link', { name: /Open lab/ })
    .click();
  await expect(page).toHaveURL(/#\/academy\/labs\/churn$/);
  await page.screenshot({ path: test.info().outputPath('academy-2-lab.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start lab' }).click();

  const panel = page.getByRole('complementary', { name: 'Lab progress' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-checkpoint="data-loaded"]')).toHaveAttribute('data-status', 'pass');
  await expect(panel.locator('[data-step="load"]')).toBeVisible();
  await expect(page).not.toHaveURL(/#\/academy\/labs\/churn$/); // the first step's page opened
  await page.screenshot({ path: test.info().outputPath('academy-3-first-step.png'), fullPage: true });

  await page.getByRole('link', { name: 'Models', exact: true }).click();
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Lab progress' })).toBeVisible();
  await expect(page.getByTestId('lab-score')).toContainText(/\d+ of \d+ checks passed/);

  await page.getByRole('button', { name: 'Leave the lab' }).click();
  await expect(page.getByRole('complementary', { name: 'Lab progress' })).toHaveCount(0);
  await page.goto('/#/academy');
  await expect(page.locator('[data-lab="churn"]').getByRole('link', { name: 'Continue lab' })).toBeVisible();
  await expect(page.locator('[data-lab="churn"]')).toContainText(/\d+ of \d+ checks passed/);
});
