import type { Labels } from '../core/labels';
import type { Tabular } from '../core/roles';
import { type AnyEstimator, assert, type EstimatorCheck, expectError } from './contract-assertions';

/** Checks every regressor must pass. */
export function regressionChecks(make: () => AnyEstimator, X: Tabular, y: Float64Array): EstimatorCheck[] {
  return [
    {
      name: 'NaN or Infinity in the regression target gives TARGET_HAS_NAN',
      run: () => {
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
          const yBad = Float64Array.from(y);
          yBad[3] = bad;
          expectError(() => make().fit(X, yBad), ['TARGET_HAS_NAN'], `fit with ${bad} in y`);
        }
      },
    },
    {
      name: 'predict returns one finite number per row',
      run: () => {
        const e = make();
        e.fit(X, y);
        const pred = e.predict!(X);
        assert(
          pred instanceof Float64Array && pred.length === X.nRows && pred.every(Number.isFinite),
          'bad predictions',
        );
      },
    },
  ];
}

/** Checks every classifier must pass. */
export function classificationChecks(make: () => AnyEstimator, X: Tabular, y: Labels): EstimatorCheck[] {
  return [
    {
      name: 'a missing label gives TARGET_HAS_NAN and a single class gives SINGLE_CLASS',
      run: () => {
        const codes = Int32Array.from(y.codes);
        codes[2] = -1;
        expectError(
          () => make().fit(X, { codes, levels: y.levels }),
          ['TARGET_HAS_NAN'],
          'fit with a missing label',
        );
        const single = { codes: new Int32Array(y.codes.length).fill(1), levels: y.levels };
        expectError(() => make().fit(X, single), ['SINGLE_CLASS'], 'fit with one class');
      },
    },
    {
      name: 'predictProba has one column per class, rows summing to 1, and predict is its argmax',
      run: () => {
        const e = make();
        e.fit(X, y);
        const classes = e.classes_ ?? [];
        assert(classes.join() === 'a,b,c', `classes_ must be the label levels, got ${classes}`);
        const proba = e.predictProba!(X);
        const pred = e.predict!(X) as Int32Array;
        assert(proba.nRows === X.nRows && proba.nCols === 3, 'predictProba must be n × k');
        for (let i = 0; i < proba.nRows; i++) {
          const row = proba.row(i);
          const sum = row.reduce((a, b) => a + b, 0);
          assert(Math.abs(sum - 1) < 1e-9 && row.every((p) => p >= 0), `row ${i} is not a distribution`);
          assert(row[pred[i]] === Math.max(...row), `predict must pick the most probable class (row ${i})`);
        }
      },
    },
  ];
}
