import { join } from 'node:path';
import { expect, TABULAR, test } from './fixtures';

/**
 * Explore → Structure on a real data set (vehicle silhouettes: 846 rows, 18 numeric columns, 4 classes): run PCA
 * and k-means, see the scree, projection, elbow and silhouette charts, colour by cluster and change k. The
 * section's screenshot is kept as an artifact.
 */
test('structure: PCA and k-means of a data set in Explore', async ({ page }, testInfo) => {
  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'vehicle.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);

  await page.goto('/#/explore');
  await page.getByTestId('explore-dataset-select').click();
  await page.getByRole('option', { name: 'vehicle' }).click();
  await page.getByTestId('explore-target-select').click();
  await page.getByRole('option', { name: 'Class', exact: true }).click();

  const section = page.getByTestId('structure-section');
  await expect(section).toContainText('all 846 rows are used');
  await section.getByTestId('structure-run').click();
  const results = page.getByTestId('structure-results');
  await expect(results).toContainText('846 rows · 18 columns');
  for (const chart of ['scree', 'projection', 'elbow', 'silhouette']) {
    await expect(page.locator(`[data-testid="structure-${chart}"] svg`)).toBeVisible();
  }
  // Coloured by the target first: the legend lists the four vehicle classes.
  await expect(page.locator('[data-testid="structure-projection"] svg')).toContainText('saab');

  // Colour by cluster and pick k = 4: the legend and the cluster sizes follow.
  await page.getByTestId('structure-colour').getByText('Clusters', { exact: false }).click();
  await page.getByTestId('structure-k').click();
  await page.getByRole('option', { name: /^k = 4/ }).click();
  await expect(page.locator('[data-testid="structure-projection"] svg')).toContainText('Cluster 4');
  await expect(results).toContainText('Cluster sizes for k = 4');

  // A full-page shot from the top (the fixed header would cover part of a scrolled element shot), cut to the section.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await section.boundingBox();
  const path = testInfo.outputPath('structure.png');
  await page.screenshot({ path, fullPage: true, clip: box ?? undefined });
  await testInfo.attach('structure', { path, contentType: 'image/png' });
});
