import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/** 3 daily store series (level, trend, weekly cycle, seeded noise), one block of rows per series. */
function storesCsv(days = 120): string {
  let state = 11;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['store,date,sales'];
  for (let s = 0; s < 3; s++) {
    for (let d = 0; d < days; d++) {
      const date = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const value =
        100 +
        50 * s +
        0.2 * (s - 1) * d +
        (10 + 5 * s) * Math.sin((2 * Math.PI * d) / 7) +
        6 * (uniform() - 0.5);
      lines.push(`S${s + 1},${date},${value.toFixed(3)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Forecasting as a person does it: upload a long-format CSV of 3 daily store series → the Forecast page detects
 * the columns → backtest and forecast as a job → the backtest table marks the chosen model → the chart shows
 * history, forecast and shaded 80% / 95% intervals → another series → CSV download. Screenshots are artifacts.
 */
test('backtest and forecast 3 series, with intervals on the chart', async ({ page }, testInfo) => {
  const shot = screenshots(page, testInfo);
  const file = testInfo.outputPath('stores.csv');
  writeFileSync(file, storesCsv());

  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(file);
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);

  await page.getByRole('link', { name: 'Forecast' }).click();
  await expect(page).toHaveURL(/#\/forecast/);
  await page.getByTestId('forecast-dataset-select').click();
  await page.getByRole('option', { name: 'stores' }).click();
  // The server's detection fills the columns.
  await expect(page.getByTestId('forecast-time-select')).toHaveValue('date (datetime)');
  await expect(page.getByTestId('forecast-value-select')).toHaveValue('sales (numeric)');
  await expect(page.getByTestId('forecast-id-select')).toHaveValue(/^store/);
  await page.getByTestId('forecast-horizon').fill('14');
  await shot('01-forecast-form');

  await page.getByTestId('forecast-run').click();
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  const result = page.getByTestId('forecast-result');
  await expect(result).toBeVisible();

  // Backtest: every default model has a row, the chosen one is marked once.
  const table = page.getByTestId('backtest-table');
  await expect(table.locator('tbody tr')).toHaveCount(7); // 6 models + the median-of-top-3 row
  await expect(table.getByTestId('chosen-badge')).toHaveCount(1);
  const chosen = (await page.getByTestId('chosen-model').textContent()) ?? '';
  await expect(table.locator('tr[data-chosen]')).toContainText(chosen);

  // The chart: history and forecast lines and two interval bands.
  const chart = page.getByTestId('forecast-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('svg path[aria-roledescription="area mark"]')).toHaveCount(2);
  await expect(chart.locator('svg')).toContainText('95% interval');
  await expect(chart.locator('svg')).toContainText('forecast');
  await shot('02-forecast-S1');

  await page.getByTestId('forecast-series-select').click();
  await page.getByRole('option', { name: /^S3/ }).click();
  await expect(page.getByRole('heading', { name: 'Backtest (S3)' })).toBeVisible();
  await expect(chart.locator('svg path[aria-roledescription="area mark"]')).toHaveCount(2);
  await shot('03-forecast-S3');

  const download = page.waitForEvent('download');
  await page.getByTestId('forecast-download').click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('id,time,step,model,forecast,lo_80,hi_80,lo_95,hi_95');
  expect(csv).toHaveLength(1 + 3 * 14);
});

/** Daily footfall of 2 stores with the calendar helpers a spreadsheet adds (year, month, week, weekday, store_id). */
function footfallCsv(days = 60): string {
  const lines = ['store_id,date,footfall,year,month,week,day_of_week'];
  for (let s = 1; s <= 2; s++) {
    for (let d = 0; d < days; d++) {
      const when = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
      const weekday = (when.getUTCDay() + 6) % 7;
      const footfall = 300 * s + 40 * Math.sin((2 * Math.PI * d) / 7) + ((d * 13 + s) % 11);
      lines.push(
        [
          s,
          when.toISOString().slice(0, 10),
          footfall.toFixed(1),
          when.getUTCFullYear(),
          when.getUTCMonth() + 1,
          Math.floor(d / 7) + 1,
          weekday,
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The form pre-fills the measure to forecast, not the calendar helpers after it (a guess by column order took the
 * last one), and the stores as the series.
 */
test('the value guess skips date parts and keys', async ({ page, request }, testInfo) => {
  const uploaded = await request.post('/api/datasets', {
    multipart: { file: { name: 'footfall.csv', mimeType: 'text/csv', buffer: Buffer.from(footfallCsv()) } },
  });
  expect(uploaded.status()).toBe(201);
  await page.goto('/#/forecast');
  await page.getByTestId('forecast-dataset-select').click();
  await page.getByRole('option', { name: 'footfall' }).click();
  await expect(page.getByTestId('forecast-time-select')).toHaveValue('date (datetime)');
  await expect(page.getByTestId('forecast-value-select')).toHaveValue('footfall (numeric)');
  await expect(page.getByTestId('forecast-id-select')).toHaveValue('store_id (numeric)');
  const path = testInfo.outputPath('04-value-guess.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('04-value-guess', { path, contentType: 'image/png' });
});
