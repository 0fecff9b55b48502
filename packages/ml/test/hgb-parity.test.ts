import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeLabels, toLabels } from '../src/core/labels';
import { HistGradientBoostingClassifier } from '../src/ensemble/hist-gradient-boosting/hist-gradient-boosting-classifier';
import { HistGradientBoostingRegressor } from '../src/ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
import { accuracyScore } from '../src/metrics/accuracy-score';
import { rocAucOvr } from '../src/metrics/roc-auc-ovr';
import { rocAucScore } from '../src/metrics/roc-auc-score';
import { rootMeanSquaredError } from '../src/metrics/root-mean-squared-error';
import { frameToCodes, loadTabular, readSpecs } from './load-tabular';

// Holdout scores of scikit-learn 1.2.1's HistGradientBoosting on the same splits and settings, written by
// packages/ml/scripts/hgb-reference.py.
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'hgb-reference.json'), 'utf8'),
);

const settings = {
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  maxBins: 255,
  earlyStopping: false,
  randomState: 0,
} as const;

// Tolerances: the acceptance margins are 0.01 for accuracy and ROC AUC and 2 % for RMSE. Our trees follow
// scikit-learn's binning, split search, float32 gradients and summation order step for step, so in fact the trees
// are the same and predictions agree to the last bits (exp and softmax round differently by an ulp); the first
// holdout predictions are checked to 1e-9 so a drift from scikit-learn's algorithm shows up here first.
describe('HistGradientBoosting vs scikit-learn on the reference data sets', () => {
  for (const [name, spec] of Object.entries(readSpecs())) {
    const expected = reference.datasets[name];
    it(`${name} (${spec.task})`, () => {
      const { frame, target, train, test } = loadTabular(name, spec.target);
      const { X, categorical } = frameToCodes(frame);
      expect(frame.columns.filter((c) => c.kind === 'categorical').map((c) => c.name)).toEqual(
        expected.categorical,
      );
      const params = { ...settings, categoricalFeatures: categorical.some(Boolean) ? categorical : null };
      const XTrain = X.takeRows(train);
      const XTest = X.takeRows(test);
      if (spec.task === 'classification') {
        const y = toLabels(target);
        const model = new HistGradientBoostingClassifier(params).fit(XTrain, takeLabels(y, train));
        const yTest = takeLabels(y, test).codes;
        const proba = model.predictProba(XTest);
        expect(Math.abs(accuracyScore(yTest, model.predict(XTest)) - expected.accuracy)).toBeLessThanOrEqual(
          0.01,
        );
        const last = proba.column(proba.nCols - 1);
        expected.head.forEach((p: number, i: number) => {
          expect(Math.abs(last[i] - p)).toBeLessThan(1e-9);
        });
        if (model.classes_.length === 2) {
          const positive = model.classes_.indexOf(spec.positive!);
          const isPositive = Int32Array.from(yTest, (c) => (c === positive ? 1 : 0));
          const auc = rocAucScore(isPositive, proba.column(positive));
          expect(Math.abs(auc - expected.roc_auc)).toBeLessThanOrEqual(0.01);
        } else {
          expect(Math.abs(rocAucOvr(yTest, proba) - expected.roc_auc_ovr)).toBeLessThanOrEqual(0.01);
        }
        // The frame path (categorical columns found by dtype) grows the same trees as the coded matrix.
        const fromFrame = new HistGradientBoostingClassifier({
          ...params,
          categoricalFeatures: 'from_dtype',
        });
        fromFrame.fit(frame.take(train), takeLabels(y, train));
        expect(Array.from(fromFrame.predictProba(frame.take(test)).data)).toEqual(Array.from(proba.data));
      } else {
        const y = Float64Array.from(target, Number);
        const model = new HistGradientBoostingRegressor(params).fit(
          XTrain,
          Float64Array.from(train, (i) => y[i]),
        );
        const pred = model.predict(XTest);
        expect(
          rootMeanSquaredError(
            Float64Array.from(test, (i) => y[i]),
            pred,
          ),
        ).toBeLessThanOrEqual(1.02 * expected.rmse);
        expected.head.forEach((v: number, i: number) => {
          expect(Math.abs(pred[i] - v)).toBeLessThan(1e-9 * Math.abs(v));
        });
      }
    });
  }
});

/** scikit-learn's parameter names in camelCase (`max_leaf_nodes` → `maxLeafNodes`), as Quarry spells them. */
const camel = (params: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), v]),
  );

describe('HistGradientBoosting vs scikit-learn with other losses and options', () => {
  const specs = readSpecs();
  for (const [label, variant] of Object.entries(reference.variants as Record<string, Variant>)) {
    it(label, () => {
      const spec = specs[variant.dataset];
      const { frame, target, train, test } = loadTabular(variant.dataset, spec.target);
      const { X, categorical } = frameToCodes(frame);
      const params = {
        ...settings,
        categoricalFeatures: categorical.some(Boolean) ? categorical : null,
        ...camel(variant.params),
      };
      // Sample weights 1, 2, 3, 1, 2, 3, ... over the training rows, as the script used.
      const sampleWeight = variant.sample_weight
        ? Float64Array.from(train, (_, i) => 1 + (i % 3))
        : undefined;
      let head: Float64Array;
      if (spec.task === 'classification') {
        const model = new HistGradientBoostingClassifier(params).fit(
          X.takeRows(train),
          takeLabels(toLabels(target), train),
          {
            sampleWeight,
          },
        );
        const proba = model.predictProba(X.takeRows(test));
        head = proba.column(proba.nCols - 1);
      } else {
        const y = Float64Array.from(train, (i) => Number(target[i]));
        head = new HistGradientBoostingRegressor(params)
          .fit(X.takeRows(train), y, { sampleWeight })
          .predict(X.takeRows(test));
      }
      variant.head.forEach((v, i) => {
        expect(Math.abs(head[i] - v)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
      });
    });
  }
});

interface Variant {
  dataset: string;
  params: Record<string, unknown>;
  sample_weight: boolean;
  head: number[];
}
