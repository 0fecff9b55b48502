import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, TABULAR, test } from './fixtures';
import { screenshots } from './screenshots';

/**
 * Tabular modelling as a careful person does it, on stackoverflow.csv (target Remote, about 10% positive):
 * compare five families by cross-validation against the dummy baseline, tune the decision threshold for F1,
 * save v1; compare again with balanced class weights and save v2; tune a decision tree over an edited search space
 * and save its best trial; read v2's lineage; compare v1 and v2 side by side; export v2 and import it through the
 * page (a tampered copy is refused); download the HTML report and open it in Chromium. Screenshots are kept as
 * test artifacts.
 */
test('leaderboard, threshold, two versions, tuning, lineage, compare, import and the HTML report', async ({
  page,
}, testInfo) => {
  test.setTimeout(600_000);
  const shot = screenshots(page, testInfo);

  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'stackoverflow.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);

  await page.goto('/#/train');
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('lb-dataset-select').click();
  await page.getByRole('option', { name: 'stackoverflow' }).click();
  await page.getByTestId('lb-target-select').click();
  await page.getByRole('option', { name: 'Remote', exact: true }).click();
  await expect(page.getByTestId('lb-task')).toContainText(/classification/i);
  for (const family of ['linear', 'tree', 'forest', 'gbdt', 'nb']) {
    await expect(page.getByTestId(`family-${family}`)).toBeChecked();
  }
  await shot('01-leaderboard-form');

  /** Runs a comparison and waits for its leaderboard; `v` is the version the save will produce. */
  const compareAndSave = async (v: number) => {
    await page.getByTestId('compare-button').click();
    const board = page.getByTestId('leaderboard');
    await expect(board).toBeVisible({ timeout: 240_000 });
    await expect(board.getByTestId('leaderboard-row')).toHaveCount(5);
    await expect(board.getByTestId('baseline-row')).toHaveCount(1);
    await expect(board.getByTestId('baseline-row')).toContainText('0.500');
    await expect(board.getByTestId('flag-leader')).toHaveCount(1);
    await expect(board.getByTestId('leaderboard-row').first().getByTestId('primary-score')).toContainText(
      '±',
    );
    await expect(page.locator('[data-testid="spread-chart"] svg')).toBeVisible();
    await shot(`0${v + 1}-leaderboard-v${v}`);

    // The leader: tune its threshold for F1, then save it.
    await board.getByTestId('leaderboard-row').first().getByTestId('select-row').click();
    const threshold = page.getByTestId('threshold-panel');
    await expect(threshold).toBeVisible();
    await threshold.getByText('Best F1').click();
    await threshold.getByTestId('tune-threshold-button').click();
    await expect(threshold.getByTestId('threshold-value')).toContainText('F1');
    await expect(threshold.locator('[data-testid="threshold-chart"] svg')).toBeVisible();
    await shot(`0${v + 1}-threshold-v${v}`);

    await page.getByTestId('save-name-input').fill('so-remote');
    await page.getByTestId('save-version-button').click();
    const results = page.getByTestId('model-results');
    await expect(results).toContainText(`v${v}`, { timeout: 240_000 });
    await expect(results.getByTestId('metric-roc_auc')).toBeVisible();
    await expect(page.locator('[data-testid="chart-roc"] svg')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-testid="chart-calibration"] svg')).toBeVisible();
    await expect(page.locator('[data-testid="chart-importance"] svg')).toBeVisible();
    await shot(`0${v + 1}-saved-v${v}`);
  };

  await compareAndSave(1);
  // v2: the same comparison with balanced class weights.
  await page.getByTestId('class-weight-checkbox').check();
  await compareAndSave(2);

  // A random search over the decision tree, its space edited within the documented ranges: maxDepth 2…6 only.
  await page.getByTestId('tab-tune').click();
  await page.getByTestId('tune-dataset-select').click();
  await page.getByRole('option', { name: 'stackoverflow' }).click();
  await page.getByTestId('tune-target-select').click();
  await page.getByRole('option', { name: 'Remote', exact: true }).click();
  await page.getByTestId('tune-family-select').click();
  await page.getByRole('option', { name: 'Decision tree' }).click();
  const space = page.getByTestId('space-table');
  const maxDepth = space.locator('[data-testid="space-row"][data-param="maxDepth"]');
  await expect(maxDepth).toContainText('whole numbers 1–64, or null');
  await maxDepth.getByTestId('space-low').fill('2');
  // Out of the documented bounds: marked, and the search cannot start.
  await maxDepth.getByTestId('space-high').fill('100');
  await expect(maxDepth.getByTestId('space-error')).toContainText('99 is outside 1–64');
  await expect(page.getByTestId('tune-button')).toBeDisabled();
  await maxDepth.getByTestId('space-high').fill('7'); // randint: high excluded, so 2…6
  await space
    .locator('[data-testid="space-row"][data-param="minSamplesLeaf"]')
    .getByTestId('space-searched')
    .uncheck();
  await page.getByTestId('tune-trials').fill('4');
  await expect(page.getByTestId('tune-button')).toBeEnabled();
  await page.getByTestId('tune-button').click();
  const rows = page.getByTestId('tuning-row');
  await expect(rows).toHaveCount(4, { timeout: 240_000 });
  await expect(page.getByTestId('stopped-by')).toHaveText('the trial budget was used');
  for (const text of await rows.getByTestId('trial-params').allTextContents()) {
    const depth = Number(/^maxDepth=(\d+)$/.exec(text)?.[1]);
    expect(depth, text).toBeGreaterThanOrEqual(2);
    expect(depth, text).toBeLessThanOrEqual(6);
  }
  // The best trial (first row), refit on all training rows and saved as a version of its own name.
  await page.getByTestId('trial-name-input').fill('so-remote-tuned');
  await rows.first().getByTestId('save-trial-button').click();
  const tuned = page.getByTestId('tuning-panel').getByTestId('model-results');
  await expect(tuned).toContainText('so-remote-tuned', { timeout: 240_000 });
  await expect(tuned).toContainText('v1');
  await expect(tuned.locator('[data-testid="chart-roc"] svg')).toBeVisible({ timeout: 60_000 });
  await shot('05-tuning');

  // The registry: v1 and v2 under one name (the tuned trial under its own), compared side by side.
  await page.goto('/#/models');
  await expect(page.getByTestId('model-group')).toHaveCount(2);
  const group = page.locator('[data-testid="model-group"][data-name="so-remote"]');
  await expect(group.getByTestId('model-row')).toHaveCount(2);
  const v1Row = group.locator('[data-testid="model-row"][data-version="1"]');
  const v2 = group.locator('[data-testid="model-row"][data-version="2"]');
  await expect(page.locator('[data-testid="model-group"][data-name="so-remote-tuned"]')).toContainText(
    'from a tuning run',
  );

  // v2's full lineage, readable: data and its hash, pipeline, parameters, seed, split, folds, metrics, code.
  await v2.getByTestId('lineage-button').click();
  const lineage = page.getByTestId('lineage-panel');
  await expect(lineage.getByTestId('lineage-dataset')).toContainText('stackoverflow');
  await expect(lineage.getByTestId('lineage-dataset')).toContainText('target “Remote”');
  await expect(lineage).toContainText(/[0-9a-f]{64}/);
  await expect(lineage.getByTestId('lineage-pipeline')).toContainText('model: ');
  await expect(lineage.getByTestId('lineage-params')).toContainText('classWeight = balanced');
  await expect(lineage.getByTestId('lineage-split')).toContainText('holdout of 25%');
  await expect(lineage.getByTestId('lineage-cv')).toContainText('5 folds, stratified k-fold');
  await expect(lineage.getByTestId('lineage-metrics')).toContainText('ROC AUC');
  await expect(lineage.getByTestId('lineage-decision')).toContainText('(best F1)');
  await expect(lineage).toContainText('Code version');
  // The drawer scrolls inside the window: a taller window shows the whole lineage in one screenshot.
  await page.setViewportSize({ width: 1280, height: 1100 });
  // Wait for the drawer's slide-in to end, so the screenshot shows it in place.
  await expect(page.locator('.mantine-Drawer-content')).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');
  await expect(page.locator('.mantine-Drawer-content')).toHaveCSS('opacity', '1');
  await shot('06-lineage-v2');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Escape');
  await expect(lineage).toBeHidden();

  await v1Row.getByTestId('compare-checkbox').check();
  await v2.getByTestId('compare-checkbox').check();
  await page.getByTestId('compare-button').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare.getByTestId('compare-metric-row').first()).toBeVisible();
  await expect(compare.getByTestId('compare-differences')).toContainText('imbalance');
  await expect(compare.locator('[data-testid="chart-roc"] svg')).toHaveCount(2, { timeout: 60_000 });
  await shot('07-compare-v1-v2');

  // Production stage for v2.
  await v2.getByTestId('stage-menu').click();
  await page.getByTestId('stage-production').click();
  await expect(v2.getByTestId('stage-badge')).toHaveAttribute('data-stage', 'production');

  // Export v2's model file and import it through the page: a new version, the same lineage and metrics.
  const jsonPromise = page.waitForEvent('download');
  await v2.getByTestId('download-model').click();
  const jsonPath = testInfo.outputPath('so-remote-v2.json');
  await (await jsonPromise).saveAs(jsonPath);
  await page.getByTestId('import-model-input').setInputFiles(jsonPath);
  const v3 = group.locator('[data-testid="model-row"][data-version="3"]');
  await expect(v3).toContainText('imported');
  await v1Row.getByTestId('compare-checkbox').uncheck();
  await v3.getByTestId('compare-checkbox').check();
  await page.getByTestId('compare-button').click();
  await expect(compare).toContainText('Nothing: same data, pipeline, parameters, seed and split.');
  for (const cell of await compare
    .getByTestId('compare-metric-row')
    .locator('td:last-child')
    .allTextContents())
    expect(cell).toBe('0.000');
  // A file changed after export (one metric edited by hand) is refused, saying why.
  const file = JSON.parse(readFileSync(jsonPath, 'utf8'));
  file.model.metrics.roc_auc = 0.99;
  await page.getByTestId('import-model-input').setInputFiles({
    name: 'so-remote-v2-edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'SHA-256 does not match' })).toBeVisible();
  await expect(group.getByTestId('model-row')).toHaveCount(3);
  await shot('08-import');

  // The HTML report, downloaded and opened in Chromium.
  const downloadPromise = page.waitForEvent('download');
  await v2.getByTestId('download-report').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('so-remote-v2-report.html');
  const reportPath = testInfo.outputPath('report.html');
  await download.saveAs(reportPath);
  await page.goto(pathToFileURL(reportPath).href);
  await expect(page.locator('body')).toContainText('Remote');
  await expect(page.locator('svg').first()).toBeVisible();
  await shot('09-html-report');
});
