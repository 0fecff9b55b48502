import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/** Daily sales of two products in two stores (long format); one row has no store. Deterministic. */
function salesCsv(): string {
  const lines = ['date,product,store,sales'];
  for (let d = 0; d < 20; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (const product of ['widget', 'gadget']) {
      for (const store of ['north', 'south']) {
        const missing = d === 0 && product === 'gadget' && store === 'north';
        lines.push(`${date},${product},${missing ? '' : store},${(d % 7) + store.length}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Combining columns as a person does it: upload product × store sales → Clean → "Combine columns" with product
 * and store → the new version has `product_store`, shown in the Columns table and in the Preview grid with a
 * combined value, and missing where the store is missing → drop the keyless row → forecast each pair with the new
 * column as the series id. Screenshots are kept as artifacts.
 */
test('combine product and store into one key column', async ({ page }, testInfo) => {
  const shot = screenshots(page, testInfo);
  const file = testInfo.outputPath('sales.csv');
  writeFileSync(file, salesCsv());

  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(file);
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  await page.getByTestId('dataset-row').first().getByRole('link').first().click();
  await page.getByTestId('clean-tab-button').click();
  await expect(page.getByTestId('version-row')).toHaveCount(1);

  await page.getByTestId('step-op').click();
  await page.getByRole('option', { name: 'Combine columns', exact: true }).click();
  await expect(page.getByTestId('step-combine-note')).toContainText('Pick two or more columns');
  // A multi-select: pick product, then store (the order of the key's parts).
  await page.getByTestId('step-columns').click();
  await page.getByRole('option', { name: 'product', exact: true }).click();
  await page.getByRole('option', { name: 'store', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('step-separator')).toHaveValue('_');
  await expect(page.getByTestId('step-new-column')).toHaveAttribute('placeholder', 'product_store');
  await expect(page.getByTestId('step-combine-note')).toContainText('Adds product_store = ‹product›_‹store›');
  await expect(page.getByTestId('step-combine-note')).toContainText('missing value');
  await shot('01-combine-form');

  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('dataset-version')).toContainText('Version 2');
  await expect(page.getByTestId('recipe-step')).toHaveText([
    'Add product_store (product + store joined by “_”)',
  ]);
  await shot('02-combine-applied');

  // The Columns table lists the new column (a category, with its one missing value), after the sources.
  await page.getByRole('tab', { name: /columns/i }).click();
  await expect(page.getByTestId('column-row')).toHaveCount(5);
  await expect(page.getByTestId('column-row').nth(4)).toContainText('product_store');

  // The Preview grid shows the combined values; the row with no store has no key.
  await page.getByRole('tab', { name: /preview/i }).click();
  const grid = page.getByTestId('preview-grid');
  await expect(grid.locator('th').nth(5)).toHaveText('product_store');
  const keyOf = (row: number) => page.getByTestId('preview-row').nth(row).locator('td').nth(5);
  await expect(keyOf(0)).toHaveText('widget_north');
  await expect(keyOf(1)).toHaveText('widget_south');
  await expect(keyOf(2)).toHaveText('—');
  await expect(keyOf(2)).toHaveAttribute('title', 'missing');
  await expect(keyOf(3)).toHaveText('gadget_south');
  await shot('03-preview');

  // A row with no key belongs to no series: keep the rows whose key is not missing (version 3).
  await page.getByTestId('clean-tab-button').click();
  await page.getByTestId('step-op').click();
  await page.getByRole('option', { name: 'Filter rows', exact: true }).click();
  await page.getByTestId('step-column').click();
  await page.getByRole('option', { name: 'product_store', exact: true }).click();
  await page.getByTestId('step-operator').click();
  await page.getByRole('option', { name: 'is not missing', exact: true }).click();
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('dataset-version')).toContainText('Version 3');

  // The Forecast page takes the combined column as the series id: one forecast per product × store pair.
  await page.getByRole('link', { name: 'Forecast' }).click();
  await page.getByTestId('forecast-dataset-select').click();
  await page.getByRole('option', { name: 'sales (v3)' }).click();
  await expect(page.getByTestId('forecast-time-select')).toHaveValue('date (datetime)');
  await expect(page.getByTestId('forecast-value-select')).toHaveValue('sales (numeric)');
  // The guess is the combined key: `store` alone repeats every date (one row per product), product_store does not.
  await expect(page.getByTestId('forecast-id-select')).toHaveValue('product_store (categorical)');
  await page.getByTestId('forecast-horizon').fill('7');
  await page.getByTestId('forecast-run').click();
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('forecast-result')).toBeVisible();
  await page.getByTestId('forecast-series-select').click();
  const series = page.getByRole('option', { name: /^(widget|gadget)_(north|south)/ });
  await expect(series).toHaveCount(4);
  await expect(series.first()).toContainText('widget_north');
  await page.keyboard.press('Escape');
  await shot('04-forecast-per-pair');
});
