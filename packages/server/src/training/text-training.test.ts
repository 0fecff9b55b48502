import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';

const COMPLAINT = ['refund', 'broken', 'late', 'damaged', 'cancel', 'angry', 'missing', 'return'];
const PRAISE = ['great', 'love', 'fast', 'perfect', 'thanks', 'happy', 'excellent', 'recommend'];

/** Seeded reviews (free text: every one different) whose words tell a complaint from praise; stars are noise. */
function reviews(seed: number, n: number, withLabel = true): string {
  const rng = new Rng(seed);
  const lines = [withLabel ? 'review,stars,kind' : 'review,stars'];
  for (let i = 0; i < n; i++) {
    const bad = i % 2 === 0;
    const pool = bad ? COMPLAINT : PRAISE;
    const words = Array.from({ length: 9 }, () => pool[Math.floor(rng.nextFloat() * 8)]);
    const text = `order ${seed}-${i}: ${words.join(' ')}`;
    lines.push(
      `"${text}",${1 + Math.floor(rng.nextFloat() * 5)}${withLabel ? `,${bad ? 'complaint' : 'praise'}` : ''}`,
    );
  }
  return lines.join('\n');
}

let app: FastifyInstance;
let datasetId: string;
beforeAll(async () => {
  app = await testApp();
  const res = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart('reviews.csv', reviews(1, 400)),
  });
  datasetId = res.json().id;
  expect(res.json().columns.find((c: { name: string }) => c.name === 'review').type).toBe('text');
});
afterAll(async () => {
  await app.close();
});

describe('training on a text column', () => {
  for (const model of ['linear', 'gbdt'] as const) {
    it(`${model}: reads the words (TF-IDF${model === 'gbdt' ? ' → topics' : ''}) and predicts new reviews`, async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/jobs/train',
        payload: { datasetId, target: 'kind', model, seed: 3, name: `reviews-${model}` },
      });
      expect(res.statusCode, res.body).toBe(202);
      const job = await waitForJob(app, res.json().id);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      const saved = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
      expect(saved.excluded.map((e: { name: string }) => e.name)).not.toContain('review');
      expect(saved.metrics.accuracy).toBeGreaterThan(0.9);
      const predicted = await app.inject({
        method: 'POST',
        url: `/api/models/${job.result.modelId}/predict`,
        ...multipart('new.csv', reviews(2, 50, false)),
      });
      expect(predicted.statusCode, predicted.body).toBe(200);
      const body = predicted.json();
      // New documents are not "unseen categories": free text is read, not looked up.
      expect(body.issues.map((i: { code: string }) => i.code)).not.toContain('UNSEEN_CATEGORY');
      const at = body.columns.indexOf('predicted_kind');
      const right = body.rows.filter(
        (r: unknown[], i: number) => r[at] === (i % 2 === 0 ? 'complaint' : 'praise'),
      );
      expect(right.length).toBeGreaterThanOrEqual(45);
      // The REST route reads free text too.
      const served = await app.inject({
        method: 'POST',
        url: `/api/models/reviews-${model}/versions/1/predict`,
        payload: {
          rows: [
            { review: 'refund please, it arrived broken and late', stars: 1 },
            { review: 'love it, fast and perfect, thanks', stars: 5 },
          ],
        },
      });
      expect(served.statusCode, served.body).toBe(200);
      expect(served.json().predictions.map((p: { prediction: string }) => p.prediction)).toEqual([
        'complaint',
        'praise',
      ]);
    }, 120_000);
  }
});

describe('what a model reads in a text column', () => {
  it('names the terms: coefficients for logistic regression, topics for gradient boosting', async () => {
    const models = (await app.inject({ url: '/api/models' })).json().models as { id: string; name: string }[];
    const charts = async (name: string) =>
      (await app.inject({ url: `/api/models/${models.find((m) => m.name === name)?.id}/charts` })).json();
    const linear = (await charts('reviews-linear')).textTerms;
    expect(linear).toHaveLength(1);
    expect(linear[0]).toMatchObject({ feature: 'review', how: 'coefficients', towards: 'praise' });
    const positive = linear[0].terms
      .filter((t: { weight: number }) => t.weight > 0)
      .map((t: { term: string }) => t.term);
    const negative = linear[0].terms
      .filter((t: { weight: number }) => t.weight < 0)
      .map((t: { term: string }) => t.term);
    expect(positive.length).toBeGreaterThan(0);
    expect(positive.every((t: string) => PRAISE.includes(t))).toBe(true);
    expect(negative.every((t: string) => COMPLAINT.includes(t))).toBe(true);
    const gbdt = (await charts('reviews-gbdt')).textTerms;
    expect(gbdt[0]).toMatchObject({ feature: 'review', how: 'topics', terms: null });
    expect(gbdt[0].topics).toHaveLength(10);
  });
});
