import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/**
 * 240 rows with missing amounts, a date column, a category, a yes/no target, an identifier and a column that leaks
 * the target (churn_flag = 1 for yes); deterministic.
 */
function messyCsv(): string {
  const lines = ['customer_id,signup_date,amount,plan,visits,churn_flag,churn'];
  for (let i = 0; i < 240; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000 * 1.5).toISOString().slice(0, 10);
    const amount = i % 7 === 3 ? '' : String(((i * 37) % 101) + 0.5);
    const plan = ['basic', 'pro', 'trial'][i % 3];
    const visits = (i * 13) % 29;
    const churn = (visits + (i % 5)) % 3 === 0 ? 'yes' : 'no';
    lines.push(`C${1000 + i},${day},${amount},${plan},${visits},${churn === 'yes' ? 1 : 0},${churn}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Cleaning as a person does it: upload a messy CSV → fill missing values, filter rows, derive date parts → see the
 * version history → undo one step → train on the new version. Screenshots of each page are kept as artifacts.
 */
test('clean a data set, see its versions, undo, and train on the new version', async ({ page }, testInfo) => {
  const shot = screenshots(page, testInfo);
  const file = testInfo.outputPath('customers.csv');
  writeFileSync(file, messyCsv());

  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(file);
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);

  // Explore: quality warnings and the leakage linter with a target.
  await page.goto('/#/explore');
  await page.getByTestId('explore-dataset-select').click();
  await page.getByRole('option', { name: 'customers' }).click();
  await page.getByTestId('explore-target-select').click();
  await page.getByRole('option', { name: 'churn', exact: true }).click();
  await expect(page.locator('[data-testid="warning"][data-category="leakage"]').first()).toContainText(
    'churn_flag',
  );
  await expect(page.getByTestId('warning').first()).toContainText('Suggested:');
  await expect(page.locator('[data-testid="correlation-heatmap"] svg')).toBeVisible();
  await expect(page.locator('[data-testid="target-relations"] svg')).toBeVisible();
  await expect(page.getByTestId('missing-pattern').first()).toContainText('amount');
  // The chart builder: a histogram of a numeric column.
  await page.getByTestId('chart-x').click();
  await page.getByRole('option', { name: 'amount', exact: true }).click();
  await expect(page.locator('[data-testid="built-chart"] svg')).toBeVisible();
  await shot('01-explore');

  // The Clean tab of the data set.
  await page.goto('/#/data');
  await page.getByTestId('dataset-row').first().getByRole('link').first().click();
  await page.getByTestId('clean-tab-button').click();
  await expect(page.getByTestId('recipe-explanation')).toContainText('learn from the data');
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await expect(page.getByTestId('undo-button')).toBeDisabled();
  await shot('02-clean-empty');

  const pickOption = async (testId: string, name: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name, exact: true }).click();
  };

  // 1. Fill missing amounts with 0.
  await pickOption('step-op', 'Fill missing values');
  await pickOption('step-column', 'amount');
  await page.getByTestId('step-value').fill('0');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('dataset-version')).toContainText('Version 2');

  // 2. Keep the rows whose plan is not "trial".
  await pickOption('step-op', 'Filter rows');
  await pickOption('step-column', 'plan');
  await pickOption('step-operator', 'does not equal');
  await page.getByTestId('step-value').fill('trial');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('version-row')).toHaveCount(3);
  await expect(page.getByTestId('dataset-version')).toContainText('Version 3');

  // 3. Derive year and month from the signup date.
  await pickOption('step-op', 'Date parts');
  await pickOption('step-column', 'signup_date');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('version-row')).toHaveCount(4);
  await expect(page.getByTestId('recipe-step')).toHaveCount(3);
  await expect(page.getByTestId('recipe-step').nth(2)).toContainText('signup_date_year');
  await expect(page.getByTestId('version-row').nth(3)).toHaveAttribute('data-current', 'true');
  await shot('03-clean-history');

  // The new version has the derived columns and no missing amount.
  await page.getByRole('tab', { name: /columns/i }).click();
  await expect(page.getByTestId('column-row')).toHaveCount(9);
  await shot('04-version-columns');
  await page.getByTestId('clean-tab-button').click();

  // Undo the date parts: version 3 is current again; version 4 is kept (redo can bring it back).
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('dataset-version')).toContainText('Version 3');
  await expect(page.getByTestId('version-row')).toHaveCount(4);
  await expect(page.getByTestId('version-row').nth(2)).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('recipe-step')).toHaveCount(2);
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await shot('05-after-undo');

  // Train on the current version (v3: filled and filtered).
  await page.getByTestId('train-current').click();
  await expect(page).toHaveURL(/#\/train\?dataset=/);
  await page.getByTestId('target-select').click();
  await page.getByRole('option', { name: 'churn', exact: true }).click();
  await expect(page.getByTestId('task-detection')).toContainText(/classification/i);
  await shot('06-train-form');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('metric-accuracy')).toBeVisible({ timeout: 120_000 });
  await shot('07-train-results');
  // The model was trained on version 3 (filled and filtered: 160 rows), the lineage's current version.
  const versionId = new URL(page.url().replace('#/', '')).searchParams.get('dataset') ?? '';
  const models = (await (await page.request.get('/api/models')).json()) as {
    models: { datasetId: string; split: { nTrain: number; nTest: number } }[];
  };
  expect(models.models[0]?.datasetId).toBe(versionId);
  expect((models.models[0]?.split.nTrain ?? 0) + (models.models[0]?.split.nTest ?? 0)).toBe(160);
  const versions = (await (await page.request.get(`/api/datasets/${versionId}/versions`)).json()) as {
    currentId: string;
  };
  expect(versions.currentId).toBe(versionId);

  // SQL over the versions: the current version has no "trial" rows.
  await page.goto('/#/sql');
  await expect(page.getByTestId('sql-tables')).toContainText('customers');
  await page
    .getByTestId('sql-query')
    .fill('SELECT plan, count(*) AS n FROM customers GROUP BY plan ORDER BY plan');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-row')).toHaveCount(2);
  await page.getByTestId('sql-query').fill("SELECT * FROM read_csv('/etc/passwd')");
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toBeVisible();
  await shot('08-sql-refused');
  await page
    .getByTestId('sql-query')
    .fill('SELECT plan, avg(amount) AS mean_amount FROM customers GROUP BY plan');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-row')).toHaveCount(2);
  await page.getByTestId('sql-save-name').fill('amount by plan');
  await page.getByTestId('sql-save').click();
  await expect(page.getByTestId('sql-saved')).toContainText('amount by plan');
  await shot('09-sql-saved');
});
