import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, TABULAR, test } from './fixtures';
import { screenshots } from './screenshots';

/**
 * The walking skeleton, as a person does it: upload attrition.csv → train on Attrition → see metrics and the
 * confusion matrix → predict on the same file → download the CSV. Screenshots are kept as test artifacts.
 */
test('upload, train, see metrics, predict and download', async ({ page }, testInfo) => {
  const shot = screenshots(page, testInfo);

  await page.goto('/#/data');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await shot('01-data-empty');

  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'attrition.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  await expect(page.getByTestId('dataset-row').first()).toContainText('1,470');
  await shot('02-data-uploaded');

  // The data-set page: columns with their types, preview and profile.
  await page.getByTestId('dataset-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('column-row')).toHaveCount(31);
  await shot('03-dataset-columns');
  await page.getByRole('tab', { name: /preview/i }).click();
  await expect(page.getByTestId('preview-row').first()).toBeVisible();
  await shot('03-dataset-preview');
  await page.getByRole('tab', { name: /profile/i }).click();
  await expect(page.getByTestId('profile-card').first()).toBeVisible();
  await expect(page.locator('[data-testid="profile-card"] svg').first()).toBeVisible();
  await shot('04-profile');

  // Train.
  await page.goto('/#/train');
  await page.getByTestId('dataset-select').click();
  await page.getByRole('option', { name: 'attrition' }).click();
  await page.getByTestId('target-select').click();
  await page.getByRole('option', { name: 'Attrition', exact: true }).click();
  await expect(page.getByTestId('task-detection')).toContainText(/classification/i);
  await shot('05-train-form');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await expect(page.getByTestId('metric-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('metric-roc_auc')).toBeVisible();
  await expect(page.getByTestId('metric-log_loss')).toBeVisible();
  await expect(page.locator('[data-testid="confusion-matrix"] svg')).toBeVisible();
  await shot('06-train-results');

  // Models list.
  await page.goto('/#/models');
  await expect(page.getByTestId('model-row')).toHaveCount(1);
  await shot('07-models');

  // Predict on the same file and download the CSV.
  await page.goto('/#/predict');
  await page.getByTestId('predict-model-select').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('predict-upload-input').setInputFiles(join(TABULAR, 'attrition.csv'));
  await expect(page.getByTestId('predictions-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('schema-issues')).toContainText('Attrition');
  await shot('08-predict');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^predictions-.*\.csv$/);
  const csv = await readFile((await download.path()) as string, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1471); // header + one prediction per input row
  expect(lines[0]).toContain('"predicted_Attrition"');
  expect(lines[0]).toContain('"proba_Yes"');
});
