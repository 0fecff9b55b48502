import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

/** 600 seeded orders (a small LCG, so the file is the same every run) with one absurd amount in row 11. */
function orders(): string {
  let state = 7;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state + 0.5) / 2147483648;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const lines = ['amount,weight,shipping,channel'];
  for (let i = 0; i < 600; i++) {
    const amount = i === 10 ? 400 : 50 + 10 * normal();
    const weight = 5 + normal();
    const shipping = 2 * weight + 0.3 * normal();
    lines.push(
      `${amount.toFixed(2)},${weight.toFixed(3)},${shipping.toFixed(3)},${['web', 'shop', 'phone'][i % 3]}`,
    );
  }
  return lines.join('\n');
}

/**
 * The Anomalies page as a person uses it: pick the data set, find anomalies, see the absurd order on top with
 * the detectors that agree and the value that makes it odd, move the cut, mark a row as normal; run again on
 * another column, then go back to the first run from the history and find its rows and its mark; finally delete
 * the newer run from the history (after a confirmation) and find the first one open again.
 */
test('anomalies: flagged rows with their reasons, a movable cut, and a person’s call', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const shot = screenshots(page, testInfo);
  const uploaded = await request.post('/api/datasets', {
    multipart: { file: { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(orders()) } },
  });
  expect(uploaded.status()).toBe(201);

  await page.goto('/#/data');
  await page.getByRole('link', { name: 'Anomalies' }).click();
  await expect(page).toHaveURL(/#\/anomalies/);
  await page.getByTestId('anomaly-run').click();
  const table = page.getByTestId('anomaly-table');
  await expect(table).toBeVisible({ timeout: 120_000 });
  const first = table.locator('tbody tr').first();
  await expect(first.locator('td').first()).toHaveText('11');
  await expect(first).toContainText('amount = 400');
  await expect(first).toContainText(/[34] of 4/);
  await expect(page.getByTestId('anomaly-histogram').locator('svg')).toBeVisible();
  await shot('01-flagged-rows-with-reasons');
  // Flagged at the run's own cut, before the slider moves it.
  const firstFlagged = await page.getByTestId('anomaly-result').getByRole('heading').first().textContent();

  // Moving the cut to the top 1% leaves fewer rows.
  const before = await table.locator('tbody tr').count();
  const slider = page.getByTestId('anomaly-threshold').getByRole('slider');
  await slider.focus();
  for (let k = 0; k < 8; k++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => table.locator('tbody tr').count()).toBeLessThan(before);

  const second = table.locator('tbody tr').nth(1);
  await second.getByRole('button', { name: 'Normal' }).click();
  const runId = (await (await request.get('/api/anomalies')).json()).runs[0].id;
  await expect
    .poll(async () => Object.values((await (await request.get(`/api/anomalies/${runId}`)).json()).labels))
    .toEqual(['normal']);
  await shot('02-cut-moved-and-marked');
  const runs = page.getByTestId('anomaly-runs').locator('tbody tr');
  await expect(runs).toHaveCount(1);

  // A second run on one column only: the absurd amount is out of sight, so row 11 is no longer on top.
  const picker = page.getByTestId('anomaly-columns');
  await picker.click();
  for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
  await page.keyboard.type('shipping');
  await page.getByRole('option', { name: /^shipping/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('anomaly-run').click();
  await expect(runs).toHaveCount(2, { timeout: 120_000 });
  await expect(runs.first()).toHaveAttribute('data-open', 'true');
  await expect(runs.first()).toContainText('shipping');
  await expect(page.getByTestId('anomaly-result')).toContainText('Looked at shipping.');
  await expect(first.locator('td').first()).not.toHaveText('11');
  // The history says what the first run found: the count its own page showed, and the one mark made in it.
  const older = runs.nth(1);
  await expect(older.getByTestId('anomaly-run-flagged')).toHaveText(
    (firstFlagged ?? '').replace(/ of .*/, ''),
  );
  await shot('03-second-run-with-history');

  // Back to the first run: its flagged rows and its mark are there again.
  await older.getByRole('button', { name: /^Show the run/ }).click();
  await expect(older).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('anomaly-result')).toContainText('Looked at amount, weight, shipping');
  await expect(first.locator('td').first()).toHaveText('11');
  await expect(first).toContainText('amount = 400');
  await expect(second.getByRole('button', { name: 'Normal' })).toHaveAttribute('data-variant', 'filled');
  await shot('04-first-run-reopened');

  // Its settings go back into the form (which still holds the second run's one column), to run it again changed.
  const pills = page.getByTestId('anomaly-columns').locator('..');
  await expect(pills).not.toContainText('amount');
  await page.getByTestId('anomaly-reuse').click();
  for (const column of ['amount', 'weight', 'shipping', 'channel']) await expect(pills).toContainText(column);

  // A fresh visit opens the latest run.
  await page.reload();
  await expect(runs.first()).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('anomaly-result')).toContainText('Looked at shipping.');

  // Deleting the open (latest) run: asked first, then it is gone from the list and the server, and the page
  // opens the run that is now the newest — the first one, with its mark.
  const [latest, earlier] = (await (await request.get('/api/anomalies')).json()).runs.map(
    (r: { id: string }) => r.id,
  );
  const deleteLatest = runs.first().getByRole('button', { name: /^Delete the run of .* on orders/ });
  await expect(runs.nth(1).getByRole('button', { name: /^Delete the run of/ })).toBeVisible();
  await shot('05-history-with-delete-buttons');
  await deleteLatest.click();
  const dialog = page.getByRole('dialog', { name: 'Delete this anomaly run?' });
  await expect(dialog).toContainText('will be removed with its marks');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(runs).toHaveCount(2);
  await deleteLatest.click();
  await dialog.getByTestId('confirm-button').click();
  await expect(dialog).toBeHidden();
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toHaveAttribute('data-run', earlier);
  await expect(runs.first()).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('anomaly-result')).toContainText('Looked at amount, weight, shipping');
  await expect(second.getByRole('button', { name: 'Normal' })).toHaveAttribute('data-variant', 'filled');
  expect((await request.get(`/api/anomalies/${latest}`)).status()).toBe(404);
  const left = (await (await request.get('/api/anomalies')).json()).runs;
  expect(left.map((r: { id: string }) => r.id)).toEqual([earlier]);
  // Still gone after a fresh visit.
  await page.reload();
  await expect(runs).toHaveCount(1);
});
