import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What every lab journey does with the Academy's progress panel: start a lab from the hub, open a step, answer a
 * question, read a checkpoint, follow a step's "Go to page", download the lab's new data. Shared by
 * e2e/academy-*.e2e.ts so each journey reads as the learner's own steps.
 */

export const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Lab progress' });

/** Picks an option of the Mantine select with this test id. */
export async function pick(page: Page, testId: string, name: string | RegExp, scope: Locator | Page = page) {
  await scope.getByTestId(testId).click();
  await page.getByRole('option', { name, exact: typeof name === 'string' }).click();
}

/** Opens a step of the panel (its accordion item) when it is closed. */
export async function openStep(page: Page, step: string) {
  const section = panelOf(page).locator(`[data-step="${step}"]`);
  const control = section.getByRole('button').first();
  if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  return section;
}

/** Types (or picks, for a question with choices) an answer in the panel and saves it. */
export async function answer(page: Page, step: string, question: string, value: string) {
  const section = await openStep(page, step);
  const field = section.locator(`[data-question="${question}"]`);
  if (
    (await field.getByRole('combobox').count()) > 0 ||
    (await field.locator('input[readonly]').count()) > 0
  ) {
    await field.locator('input').first().click();
    await page.getByRole('option', { name: value, exact: true }).click();
  } else {
    await field.getByRole('textbox').fill(value);
  }
  await field.getByRole('button', { name: 'Save answer' }).click();
}

export async function expectCheck(page: Page, id: string, status: 'pass' | 'fail' | 'pending') {
  await expect(panelOf(page).locator(`[data-checkpoint="${id}"]`)).toHaveAttribute('data-status', status);
}

export async function checkMyWork(page: Page) {
  await panelOf(page).getByRole('button', { name: 'Check my work' }).click();
}

/** Presses "Check my work" until checkpoint `id` shows `status` (jobs and logs finish in the background). */
export async function waitForCheck(page: Page, id: string, status: 'pass' | 'fail', timeout = 30_000) {
  await expect
    .poll(
      async () => {
        await checkMyWork(page);
        return panelOf(page).locator(`[data-checkpoint="${id}"]`).getAttribute('data-status');
      },
      { timeout },
    )
    .toBe(status);
}

/** The end of a lab done right: every check passed and all six steps done. */
export async function expectLabDone(page: Page, total: number) {
  await expect(page.getByTestId('lab-score')).toHaveText(`${total} of ${total} checks passed`);
  for (const step of ['load', 'clean', 'explore', 'prepare', 'model', 'predict'])
    await expect(panelOf(page).locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'done');
}

/** Follows a step's "Go to page" link and waits for the page. */
export async function goToStep(page: Page, step: string, url: RegExp) {
  const section = await openStep(page, step);
  await section.getByRole('link', { name: /Go to page/ }).click();
  await expect(page).toHaveURL(url);
}

/** The hub → the lab's page → "Start lab"; the panel appears with the data loaded. `shot` saves the lab page. */
export async function startLab(page: Page, lab: string, title: string, shot?: string) {
  await page.goto('/#/academy');
  await page
    .locator(`[data-lab="${lab}"]`)
    .getByRole('link', { name: /Open lab/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/academy/labs/${lab}$`));
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  if (shot) await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  await page.getByRole('button', { name: 'Start lab' }).click();
  await expect(panelOf(page)).toBeVisible();
  await expectCheck(page, 'data-loaded', 'pass');
}

/** Downloads the lab's new data from the panel's predict step; returns the saved file's path. */
export async function downloadNewData(page: Page, lab: string): Promise<string> {
  const step = await openStep(page, 'predict');
  const download = page.waitForEvent('download');
  await step.getByRole('link', { name: /Download the new data/ }).click();
  const file = test.info().outputPath(`${lab}-new.csv`);
  await (await download).saveAs(file);
  return file;
}

/**
 * The lab's last step as a learner does it: download the new data from the panel, open the Predict page through
 * the step's link, upload the file, and predict anyway when the findings are only warnings (an extra id column,
 * say; the button disappears once it has run). Resolves when the predictions table shows.
 */
export async function predictNewData(page: Page, lab: string): Promise<void> {
  const file = await downloadNewData(page, lab);
  await goToStep(page, 'predict', /#\/predict\?model=/);
  await page.getByTestId('predict-upload-input').setInputFiles(file);
  const anyway = page.getByTestId('predict-anyway');
  const table = page.getByTestId('predictions-table');
  await expect(anyway.or(table)).toBeVisible({ timeout: 120_000 });
  if (await anyway.isVisible()) await anyway.click({ timeout: 10_000 }).catch(() => undefined);
  await expect(table).toBeVisible({ timeout: 120_000 });
}
