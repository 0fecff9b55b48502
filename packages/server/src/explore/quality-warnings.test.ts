import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';
import type { Warning } from './warning';

/** Every data-quality warning on a table seeded with one problem per column, and none on the clean columns. */
let app: FastifyInstance;
let warnings: Warning[];

beforeAll(async () => {
  const rng = new Rng(5);
  const lines = ['id,code,constant,rare,zip_text,amount_text,mixed,born,plan,score,fraud'];
  for (let i = 0; i < 500; i++) {
    lines.push(
      [
        `u${i}`, // every value distinct (but for the duplicated rows): categorical, yet an id
        `K${rng.nextInt(400)}`, // many levels
        'same',
        i < 497 ? 'a' : 'b', // 99.4% one value
        i % 7 === 0 ? 'n/a' : String(10000 + rng.nextInt(80000)), // mostly numbers
        i % 2 === 0 ? String(rng.nextInt(100)) : `x${rng.nextInt(5)}`, // half numbers
        i % 3 === 0 ? String(rng.nextInt(9)) : ['p', 'q'][rng.nextInt(2)], // a third numbers
        i === 3
          ? '1850-01-01'
          : i === 4
            ? '2199-05-05'
            : `19${50 + rng.nextInt(50)}-0${1 + rng.nextInt(9)}-1${rng.nextInt(9)}`,
        ['free', 'pro'][rng.nextInt(2)],
        (rng.nextFloat() * 10).toFixed(3),
        i % 50 === 0 ? 'yes' : 'no', // 2% minority
      ].join(','),
    );
  }
  lines.push(lines[1], lines[2]); // two duplicate rows
  app = await testApp();
  const res = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart('quality.csv', lines.join('\n')),
  });
  const answer = await app.inject({ url: `/api/datasets/${res.json().id}/warnings?target=fraud` });
  expect(answer.statusCode, answer.body).toBe(200);
  warnings = answer.json();
});
afterAll(async () => {
  await app.close();
});

const codesOf = (column: string) => warnings.filter((w) => w.columns.includes(column)).map((w) => w.code);

describe('data-quality warnings', () => {
  it('names each seeded problem on its column, with a suggestion', () => {
    expect(codesOf('id')).toEqual(['id_like_column']);
    expect(codesOf('code')).toEqual(['high_cardinality']);
    expect(codesOf('constant')).toEqual(['constant_column']);
    expect(codesOf('rare')).toEqual(['near_constant_column']);
    expect(codesOf('zip_text')).toEqual(['high_cardinality', 'numbers_as_text']);
    expect(codesOf('amount_text')).toEqual(['mixed_types']);
    expect(codesOf('mixed')).toEqual(['mixed_types']);
    expect(codesOf('born')).toEqual(['impossible_dates']);
    expect(warnings.find((w) => w.code === 'impossible_dates')?.details.count).toBe(2);
    expect(codesOf('fraud')).toEqual(['class_imbalance']);
    expect(warnings.find((w) => w.code === 'class_imbalance')?.severity).toBe('warning');
    expect(warnings.find((w) => w.code === 'duplicate_rows')?.details.count).toBe(2);
    for (const w of warnings) expect(w.suggestion.length).toBeGreaterThan(20);
  });

  it('leaves the clean columns alone', () => {
    expect(codesOf('plan')).toEqual([]);
    expect(codesOf('score')).toEqual([]);
  });

  it('lists leakage first, then by severity and code', () => {
    expect(warnings.length).toBeGreaterThan(5);
    const order = { critical: 0, warning: 1, info: 2 };
    for (let k = 1; k < warnings.length; k++) {
      const [a, b] = [warnings[k - 1], warnings[k]];
      if (a.category === b.category) expect(order[a.severity]).toBeLessThanOrEqual(order[b.severity]);
      else expect(a.category).toBe('leakage');
    }
  });
});
