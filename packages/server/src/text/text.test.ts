import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';

const THEMES: Record<string, string[]> = {
  sports: ['match', 'goal', 'team', 'coach', 'league', 'striker', 'season', 'referee'],
  cooking: ['recipe', 'oven', 'garlic', 'butter', 'simmer', 'flour', 'sauce', 'dough'],
  finance: ['market', 'stocks', 'bond', 'interest', 'dividend', 'inflation', 'shares', 'broker'],
};

/** 300 seeded notes, each mostly from one theme's words (plus filler and stop words); the theme is the label. */
function notes(): string {
  const rng = new Rng(4);
  const themes = Object.keys(THEMES);
  const lines = ['id,note,theme,score'];
  for (let i = 0; i < 300; i++) {
    const theme = themes[i % 3];
    const words = Array.from({ length: 12 }, () => {
      const pool = rng.nextFloat() < 0.85 ? THEMES[theme] : ['the', 'and', 'today', 'really', 'about'];
      return pool[Math.floor(rng.nextFloat() * pool.length)];
    });
    lines.push(`${i},"${words.join(' ')}",${theme},${i % 7}`);
  }
  return lines.join('\n');
}

let app: FastifyInstance;
let datasetId: string;
beforeAll(async () => {
  app = await testApp();
  const res = await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('notes.csv', notes()) });
  datasetId = res.json().id;
});
afterAll(async () => {
  await app.close();
});

const topics = (body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/text`, payload: body });

describe('Explore → Text', () => {
  it('finds one topic per theme, with that theme’s words on top, and the terms of each class', async () => {
    const res = await topics({ column: 'note', topics: 3, target: 'theme', seed: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ nDocuments: 300, nEmpty: 0, column: 'note', method: 'nmf', sampled: false });
    // The 24 theme words and the two fillers that are not English stop words ('today', 'really'), minus any in
    // more than 95% of the notes; 'the', 'and' and 'about' are stop words.
    expect(body.vocabularySize).toBeGreaterThanOrEqual(24);
    expect(body.vocabularySize).toBeLessThanOrEqual(26);
    const common = body.commonTerms.map((t: { term: string }) => t.term);
    for (const stop of ['the', 'and', 'about']) expect(common).not.toContain(stop);
    const themeOf = (term: string) => Object.keys(THEMES).find((t) => THEMES[t].includes(term));
    const found = body.topics.map((t: { terms: { term: string }[] }) => {
      const themes = new Set(t.terms.slice(0, 5).map((x) => themeOf(x.term)));
      expect(themes.size).toBe(1);
      return [...themes][0];
    });
    expect(found.sort()).toEqual(['cooking', 'finance', 'sports']);
    for (const t of body.topics) expect(t.share).toBeCloseTo(1 / 3, 1);
    const finance = body.classTerms.find((c: { label: string }) => c.label === 'finance');
    expect(finance.terms.slice(0, 5).every((x: { term: string }) => THEMES.finance.includes(x.term))).toBe(
      true,
    );
  });

  it('gives LDA topics too, and the same topics for the same seed', async () => {
    const a = (await topics({ column: 'note', topics: 3, method: 'lda', seed: 2 })).json();
    const b = (await topics({ column: 'note', topics: 3, method: 'lda', seed: 2 })).json();
    expect(a.topics).toEqual(b.topics);
    expect(a.topics).toHaveLength(3);
    expect(a.classTerms).toBeNull();
  });

  it('refuses a numeric column, an unknown one and a numeric target, saying what to do', async () => {
    const numeric = await topics({ column: 'score' });
    expect(numeric.statusCode).toBe(422);
    expect(numeric.json()).toMatchObject({ code: 'COLUMN_NOT_TEXT' });
    expect((await topics({ column: 'nope' })).json().code).toBe('COLUMN_NOT_FOUND');
    const target = await topics({ column: 'note', target: 'score' });
    expect(target.json().code).toBe('BAD_PARAMETER');
    expect((await topics({ column: 'note', topics: 50 })).statusCode).toBe(400);
  });
});
