import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, TABULAR, test, uploadAndTrain } from './fixtures';
import { screenshots } from './screenshots';

/**
 * Issue [F]'s journey, start to end in the studio: new data arrives with one column mostly empty
 * (DistanceFromHome) and one drifted (MonthlyIncome shifted up by 4 000) → the Predict page shows both findings
 * before predicting → "Predict anyway" scores it (studio scoring is logged like API traffic) → the Monitor page
 * puts MonthlyIncome under "Look at first" and marks it as drift. Screenshots are artifacts.
 */
test('new data with a missing and a drifted column: findings, predict, then the drift on Monitor', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const shot = screenshots(page, testInfo);
  const csv = readFileSync(join(TABULAR, 'attrition.csv'), 'utf8');
  await uploadAndTrain(
    request,
    { name: 'attrition.csv', content: csv },
    { target: 'Attrition', model: 'tree', name: 'attrition', seed: 1 },
  );

  // The new month's file: no target, DistanceFromHome empty in 4 rows of 5, MonthlyIncome 4 000 higher.
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  const target = names.indexOf('Attrition');
  const distance = names.indexOf('DistanceFromHome');
  const income = names.indexOf('MonthlyIncome');
  const keep = (j: number) => j !== target;
  const rows = lines.map((line, i) =>
    line
      .split(',')
      .map((v, j) => {
        if (j === distance) return i % 5 === 0 ? v : '';
        if (j === income) return String(Number(v) + 4000);
        return v;
      })
      .filter((_, j) => keep(j))
      .join(','),
  );
  const incoming = [
    header
      .split(',')
      .filter((_, j) => keep(j))
      .join(','),
    ...rows,
  ].join('\n');

  await page.goto('/#/predict');
  await page.getByTestId('predict-model-select').click();
  await page.getByRole('option').first().click();
  await page
    .getByTestId('predict-upload-input')
    .setInputFiles({ name: 'next-month.csv', mimeType: 'text/csv', buffer: Buffer.from(incoming) });
  const warnings = page.getByTestId('schema-group-warning');
  await expect(warnings).toBeVisible({ timeout: 60_000 });
  await expect(warnings.locator('[data-code="TOO_MANY_MISSING"]')).toContainText('DistanceFromHome');
  await expect(warnings.locator('[data-code="OUT_OF_RANGE"]')).toContainText('MonthlyIncome');
  await expect(page.getByTestId('predictions-table')).toHaveCount(0);
  await shot('01-findings-missing-and-drifted');

  await page.getByTestId('predict-anyway').click();
  const table = page.getByTestId('predictions-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('thead')).toContainText('predicted_Attrition');
  await shot('02-predicted-anyway');

  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(page).toHaveURL(/#\/monitor/);
  const attention = page.getByTestId('attention');
  await expect(attention).toContainText('MonthlyIncome', { timeout: 60_000 });
  const drifted = page.getByTestId('drift-table').locator('tbody tr').filter({ hasText: /drift/ });
  await expect(drifted.filter({ hasText: 'MonthlyIncome' })).toHaveCount(1);
  await expect(drifted.filter({ hasText: 'DistanceFromHome' })).toContainText('80.0% missing now');
  // Untouched features stay quiet: only the two changed columns may be flagged.
  const flagged = await drifted.locator('td').first().allInnerTexts();
  expect(
    flagged.every((f) => /MonthlyIncome|DistanceFromHome/.test(f)),
    flagged.join(', '),
  ).toBe(true);
  await shot('03-monitor-shows-the-drift');
});
