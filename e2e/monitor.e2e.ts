import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, TABULAR, test, uploadAndTrain } from './fixtures';

type Row = Record<string, string | number>;

function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names.map((n, i) => [n, cells[i].startsWith('"') ? cells[i].slice(1, -1) : Number(cells[i])]),
    );
  });
}

/**
 * Monitoring as a person meets it: a model is served over REST with drifted traffic (MonthlyIncome shifted,
 * OverTime's 'Yes' share raised) → the Monitor page lists that version, puts the two drifted features first under
 * "Look at first" and marks them (and only them) as drift in the table. Screenshots are artifacts.
 */
test('the Monitor page ranks the drifted features first', async ({ page, request }, testInfo) => {
  const csv = readFileSync(join(TABULAR, 'attrition.csv'));
  await uploadAndTrain(
    request,
    { name: 'attrition.csv', content: csv },
    { target: 'Attrition', model: 'tree', name: 'attrition', seed: 1 },
  );

  const rows = parseCsv(csv.toString('utf8')).map((r, i) => ({
    ...r,
    MonthlyIncome: Number(r.MonthlyIncome) + 4000,
    OverTime: i % 2 === 0 ? 'Yes' : r.OverTime,
  }));
  const served = await request.post('/api/models/attrition/versions/1/predict', { data: { rows } });
  expect(served.status()).toBe(200);

  await page.goto('/#/data');
  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(page).toHaveURL(/#\/monitor/);
  const attention = page.getByTestId('attention');
  await expect(attention.locator('li')).toHaveCount(2);
  await expect(attention).toContainText('MonthlyIncome');
  await expect(attention).toContainText('OverTime');
  const table = page.getByTestId('drift-table');
  const drifted = table.locator('tbody tr').filter({ hasText: /drift/ });
  await expect(drifted).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText(/MonthlyIncome|OverTime/);
  const path = testInfo.outputPath('monitor-drift.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('monitor-drift', { path, contentType: 'image/png' });
});
