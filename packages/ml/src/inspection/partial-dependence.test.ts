import { describe, expect, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { Matrix } from '../core/matrix';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';
import { reference } from './fixtures/inspection';
import { mquantiles } from './mquantiles';
import { partialDependence } from './partial-dependence';

const X = Matrix.fromRows(reference.X);
const regressor = new DecisionTreeRegressor({ maxDepth: 4, minSamplesLeaf: 10 }).fit(
  X,
  Float64Array.from(reference.yReg),
);
const classifier = new DecisionTreeClassifier({ maxDepth: 3, minSamplesLeaf: 15 }).fit(
  X,
  Int32Array.from(reference.yClass),
);

// The trees are the same as scikit-learn's (no tied splits, checked over several seeds in the script); leaf means
// and averages over 200 rows are summed in another order, so values agree to ~1e-14, the grids exactly.
const close = (actual: ArrayLike<number>, expected: readonly number[]) => {
  expected.forEach((v, i) => {
    expect(Math.abs(actual[i] - v)).toBeLessThan(1e-12);
  });
};

describe('partialDependence vs scikit-learn (brute force)', () => {
  for (const c of reference.regression) {
    it(`regression, feature ${c.feature}: same grid (mquantiles + linspace, or the distinct values) and curve`, () => {
      const pd = partialDependence(regressor, X, c.feature, {
        gridResolution: c.gridResolution,
        kind: c.kind as 'both' | 'average',
      });
      expect(Array.from(pd.gridValues as Float64Array)).toEqual(c.grid);
      expect(pd.outputs).toEqual(['prediction']);
      close(pd.average![0], c.average);
      if (c.individual) {
        c.individual.forEach((row, i) => {
          close(pd.individual![0].row(i), row);
        });
      }
    });
  }

  for (const c of reference.classification) {
    it(`classification, feature ${c.feature}: the probability of every class`, () => {
      const pd = partialDependence(classifier, X, c.feature, { gridResolution: 15, percentiles: [0.1, 0.9] });
      expect(Array.from(pd.gridValues as Float64Array)).toEqual(c.grid);
      expect(pd.outputs).toEqual(['0', '1', '2']);
      c.average.forEach((curve, k) => {
        close(pd.average![k], curve);
      });
    });
  }
});

describe('partialDependence', () => {
  it('varies a categorical frame column over its levels and keeps the other columns fixed', () => {
    const frame = Frame.fromRecords(
      Array.from({ length: 60 }, (_, i) => ({ x: (i % 10) / 10, city: ['paris', 'oslo', 'rome'][i % 3] })),
    );
    const y = toLabels(
      Array.from({ length: 60 }, (_, i) => (i % 3 === 1 || (i % 10) / 10 > 0.75 ? 'yes' : 'no')),
    );
    const model = makeTabularModel({
      task: 'classification',
      family: 'tree',
      features: [
        { name: 'x', kind: 'numeric' },
        { name: 'city', kind: 'categorical' },
      ],
    }).fit(frame, y);
    const pd = partialDependence(model, frame, 'city', { kind: 'both' });
    expect(pd.featureKind).toBe('categorical');
    expect(pd.gridValues).toEqual(['oslo', 'paris', 'rome']);
    const yes = pd.outputs.indexOf('yes');
    expect(pd.average![yes][0]).toBe(1); // every row predicted 'yes' as soon as it is in Oslo
    expect(pd.average![yes][1]).toBeCloseTo(0.2, 12); // elsewhere only x > 0.75 is 'yes'
    expect(pd.individual![yes].nRows).toBe(60);
    expect(pd.individual![yes].nCols).toBe(3);
  });

  it('uses mquantiles with α = β = 0.4 for the grid ends', () => {
    expect(mquantiles(Float64Array.from([1, 2, 3, 4, 5]), [0.05, 0.95])).toEqual([1, 5]);
    expect(mquantiles(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [0.5])[0]).toBeCloseTo(5.5, 14);
  });

  it('explains bad requests', () => {
    expect(() => partialDependence(regressor, X, 'nope')).toThrow(
      expect.objectContaining({ code: 'MISSING_COLUMN' }),
    );
    expect(() => partialDependence(regressor, X, 0, { percentiles: [0.9, 0.1] })).toThrow(
      /percentiles must be/,
    );
    expect(() => partialDependence(regressor, X, 0, { gridResolution: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});
