import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, TABULAR, test, uploadAndTrain } from './fixtures';
import { screenshots } from './screenshots';

/**
 * Predicting as a careful person does: the file is checked against the model's schema contract first. A file
 * with an unseen category and a column mostly empty shows its warnings grouped by severity and offers
 * "Predict anyway"; the predictions then carry 90% conformal interval columns and the measured holdout coverage.
 * A file missing a column is blocked with the reason. The model's drawer shows the holdout coverage per level.
 */
test('findings before predicting, predict anyway, intervals and holdout coverage', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const shot = screenshots(page, testInfo);
  const csv = readFileSync(join(TABULAR, 'sacramento.csv'), 'utf8');
  await uploadAndTrain(
    request,
    { name: 'sacramento.csv', content: csv },
    { target: 'price', model: 'linear', name: 'houses', seed: 1 },
  );

  // Sacramento's first 100 rows: 'type' gets an unseen category, 'latitude' is emptied in 80% of rows.
  const [header, ...lines] = csv.trim().split('\n');
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  const type = names.indexOf('type');
  const latitude = names.indexOf('latitude');
  const rows = lines.slice(0, 100).map((line, i) =>
    line
      .split(',')
      .map((v, j) => (j === type && i < 5 ? '"Castle"' : j === latitude && i % 5 !== 0 ? '' : v))
      .join(','),
  );
  const warned = [header, ...rows].join('\n');
  const baths = names.indexOf('baths');
  const missing = [header, ...lines.slice(0, 100)]
    .map((line) =>
      line
        .split(',')
        .filter((_, j) => j !== baths)
        .join(','),
    )
    .join('\n');

  await page.goto('/#/predict');
  await page.getByTestId('predict-model-select').click();
  await page.getByRole('option').first().click();
  await expect(page.getByTestId('predict-level')).toBeVisible();

  await page
    .getByTestId('predict-upload-input')
    .setInputFiles({ name: 'new-houses.csv', mimeType: 'text/csv', buffer: Buffer.from(warned) });
  const warnings = page.getByTestId('schema-group-warning');
  await expect(warnings).toBeVisible({ timeout: 60_000 });
  await expect(warnings.locator('[data-code="UNSEEN_CATEGORY"]')).toContainText('Castle');
  await expect(warnings.locator('[data-code="TOO_MANY_MISSING"]')).toContainText('latitude');
  await expect(page.getByTestId('predictions-table')).toHaveCount(0);
  await shot('01-findings-before-predicting');

  await page.getByTestId('predict-anyway').click();
  const table = page.getByTestId('predictions-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('thead')).toContainText('lower_price_90');
  await expect(table.locator('thead')).toContainText('upper_price_90');
  await expect(page.getByTestId('uncertainty-note')).toContainText(/On the holdout they covered \d/);
  await shot('02-predictions-with-intervals');

  await page
    .getByTestId('predict-upload-input')
    .setInputFiles({ name: 'no-baths.csv', mimeType: 'text/csv', buffer: Buffer.from(missing) });
  await expect(page.getByTestId('predict-blocked')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('schema-group-error')).toContainText("Add a column named 'baths'");
  await expect(page.getByTestId('predict-anyway')).toHaveCount(0);
  await shot('03-blocked-missing-column');

  await page.goto('/#/models');
  await page.getByTestId('lineage-button').first().click();
  const coverage = page.getByTestId('holdout-coverage');
  await expect(coverage).toBeVisible();
  await expect(coverage.getByTestId('coverage-row')).toHaveCount(3);
  // The drawer slides in: shoot the coverage card itself once it is stable.
  const path = testInfo.outputPath('04-model-holdout-coverage.png');
  await coverage.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('04-model-holdout-coverage', { path, contentType: 'image/png' });
});
