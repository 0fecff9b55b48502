import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import { REPORT_CSP } from './html-report';

// SECURITY-TESTS row M: names and values that would run script if a report inserted them as HTML.
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';
const QUOTE = `" onmouseover="alert(1)`;

function hostileCsv(): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = [[IMG, SCRIPT, 'size', QUOTE, 'label'].map(quote).join(',')];
  for (let i = 0; i < 120; i++) {
    const positive = i % 3 === 0;
    lines.push(
      [
        quote(i % 2 === 0 ? IMG : 'plain'),
        quote(i % 4 < 2 ? SCRIPT : `javascript:alert(${i % 3})`),
        String(((i * 7) % 13) + (positive ? 4 : 0)),
        String((i * 5) % 11),
        quote(positive ? IMG : SCRIPT),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body h1 h2 h3 p b table thead tbody tr th td ul li dl dt dd code small div figure figcaption svg text line polyline circle rect'.split(
    ' ',
  ),
);

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('HTML model report', () => {
  it('escapes hostile column names, values and model names; no script, strict CSP, an attachment', async () => {
    const ds = (
      await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('hostile.csv', hostileCsv()) })
    ).json();
    const lbJob = (
      await app.inject({
        method: 'POST',
        url: '/api/jobs/leaderboard',
        payload: {
          datasetId: ds.id,
          target: 'label',
          families: ['linear', 'tree'],
          cv: { strategy: 'stratified', k: 3 },
        },
      })
    ).json();
    const lbDone = await waitForJob(app, lbJob.id);
    expect(lbDone.status, JSON.stringify(lbDone.error)).toBe('succeeded');
    const save = await app.inject({
      method: 'POST',
      url: `/api/leaderboards/${lbDone.result.leaderboardId}/save`,
      payload: { family: 'tree', name: `${SCRIPT}${IMG}`, threshold: 'tuned' },
    });
    const saved = await waitForJob(app, save.json().id);
    expect(saved.status, JSON.stringify(saved.error)).toBe('succeeded');

    const res = await app.inject({ url: `/api/models/${saved.result.modelId}/report` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(REPORT_CSP);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.html"$/);
    const html = res.body;
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    // Nothing executable: no script element, no event-handler attribute, no javascript: URL, no foreign tag.
    expect(html).not.toMatch(/<\s*script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src|xlink:href)\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/<img/i);
    for (const [, tag] of html.matchAll(/<\/?\s*([a-zA-Z][\w:-]*)/g))
      expect(ALLOWED_TAGS.has(tag.toLowerCase()), tag).toBe(true);
    // The hostile strings are there, as text.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
    // It is complete: data summary, leaderboard, metrics, charts drawn as SVG, lineage.
    for (const heading of ['Data', 'Leaderboard', 'Holdout metrics', 'Charts', 'Lineage'])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<svg');
    expect(html).toContain('Decision threshold');
    expect(html).toContain('chosen for the best F1 on out-of-fold predictions');
  });

  it('answers 404 for a model that does not exist', async () => {
    expect((await app.inject({ url: '/api/models/nope/report' })).json().code).toBe('MODEL_NOT_FOUND');
  });
});
