import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Ridge } from '../linear-model/ridge';
import { rankScores } from './cv-results';
import { parameterGrid } from './parameter-grid';
import { sampleParameters } from './parameter-sampler';
import { RandomizedSearchCV } from './randomized-search-cv';

describe('parameterGrid', () => {
  it('sorts names and varies the last fastest, as scikit-learn’s ParameterGrid', () => {
    expect(parameterGrid({ b: [1, 2], a: ['x', 'y'] })).toEqual([
      { a: 'x', b: 1 },
      { a: 'x', b: 2 },
      { a: 'y', b: 1 },
      { a: 'y', b: 2 },
    ]);
    expect(parameterGrid([{ a: [1] }, { b: [2, 3] }])).toEqual([{ a: 1 }, { b: 2 }, { b: 3 }]);
    expect(parameterGrid({})).toEqual([{}]);
  });

  it('refuses values that are not a non-empty list', () => {
    expect(() => parameterGrid({ a: [] })).toThrow(/'a' must be a non-empty array/);
    expect(() => parameterGrid({ a: 3 } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('sampleParameters', () => {
  it('draws without replacement from a grid of lists, never more than the grid', () => {
    const draws = sampleParameters({ a: [1, 2, 3], b: { type: 'choice', values: ['x', 'y'] } }, 10, 3);
    expect(draws.length).toBe(6);
    expect(new Set(draws.map((d) => JSON.stringify(d))).size).toBe(6);
    expect(sampleParameters({ a: [1, 2, 3] }, 2, 3)).toEqual(sampleParameters({ a: [1, 2, 3] }, 2, 3));
  });

  it('samples distributions within their bounds, reproducibly', () => {
    const spec = {
      C: { type: 'loguniform', low: 1e-3, high: 1e3 },
      l: { type: 'uniform', low: -1, high: 1 },
      k: { type: 'randint', low: 2, high: 5 },
      s: ['a', 'b'],
    } as const;
    const draws = sampleParameters(spec, 200, 7);
    expect(draws.every((d) => (d.C as number) >= 1e-3 && (d.C as number) < 1e3)).toBe(true);
    expect(draws.every((d) => Math.abs(d.l as number) <= 1)).toBe(true);
    expect(new Set(draws.map((d) => d.k))).toEqual(new Set([2, 3, 4]));
    // Log-uniform: about half the draws below the geometric middle, 1.
    const below = draws.filter((d) => (d.C as number) < 1).length;
    expect(below).toBeGreaterThan(70);
    expect(below).toBeLessThan(130);
    expect(sampleParameters(spec, 5, 7)).toEqual(draws.slice(0, 5));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // distributions are plain data
  });

  it('explains a bad distribution', () => {
    expect(() => sampleParameters({ C: { type: 'loguniform', low: 0, high: 1 } }, 1)).toThrow(
      /needs low > 0/,
    );
    expect(() => sampleParameters({ C: { type: 'normal' } as never }, 1)).toThrow(/must be a list or/);
    expect(() => sampleParameters({ k: { type: 'randint', low: 1.5, high: 4 } }, 1)).toThrow(
      /integer bounds/,
    );
  });
});

describe('rankScores', () => {
  it('ranks like rankdata(-x, "min"), NaN last', () => {
    expect(rankScores([0.5, 0.9, 0.5, Number.NaN, 0.1])).toEqual([2, 1, 2, 5, 4]);
    expect(rankScores([Number.NaN, Number.NaN])).toEqual([1, 1]);
  });
});

describe('RandomizedSearchCV', () => {
  const X = Matrix.fromRows(Array.from({ length: 50 }, (_, i) => [Math.sin(i), Math.cos(i), (i % 7) / 7]));
  const y = Float64Array.from({ length: 50 }, (_, i) => 3 * Math.sin(i) - Math.cos(i) + ((i * 5) % 3) / 5);

  it('tries nIter sampled settings and refits the best', () => {
    const search = new RandomizedSearchCV(new Ridge(), {
      paramDistributions: { alpha: { type: 'loguniform', low: 1e-4, high: 1e4 } },
      nIter: 8,
      randomState: 1,
      cv: 5,
    }).fit(X, y);
    const { params, meanTestScore } = search.cvResults_;
    expect(params.length).toBe(8);
    expect(search.bestScore_).toBe(Math.max(...meanTestScore));
    expect((search.bestEstimator_ as Ridge).params.alpha).toBe(search.bestParams_.alpha);
    // Heavy penalties do worse on this nearly noise-free target.
    const heavy = params.findIndex((p) => (p.alpha as number) > 100);
    if (heavy >= 0) expect(meanTestScore[heavy]).toBeLessThan(search.bestScore_);
    const again = new RandomizedSearchCV(new Ridge(), search.params).fit(X, y);
    expect(again.cvResults_.params).toEqual(params);
  });
});
