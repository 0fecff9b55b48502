import { Frame, type Labels, makeTabularModel, runFold } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import type { ColumnData } from '../datasets/service';
import { featureSpecs } from '../training/split';
import { runCell } from './cell';
import { resampleRows } from './resample';

/** 200 rows, 10% positive, one informative numeric feature and one noisy category. */
function imbalanced(): { features: ColumnData[]; target: ColumnData } {
  const n = 200;
  const codes = Int32Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const x = Float64Array.from(codes, (c, i) => c * 1.5 + Math.sin(i * 7.3));
  const color = Int32Array.from({ length: n }, (_, i) => (i * 13) % 3);
  return {
    features: [
      { name: 'x', kind: 'numeric', values: x },
      { name: 'color', kind: 'categorical', codes: color, levels: ['blue', 'green', 'red'] },
    ],
    target: { name: 'y', kind: 'categorical', codes, levels: ['no', 'yes'] },
  };
}

describe('resampling inside the training folds only', () => {
  const codes = Int32Array.from({ length: 50 }, (_, i) => (i < 40 ? 0 : 1));
  const fitRows = Int32Array.from({ length: 35 }, (_, i) => i + (i >= 30 ? 10 : 0)); // 30 of class 0, 5 of class 1
  const validation = Int32Array.from([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 45, 46, 47, 48, 49]);

  it('oversamples the smaller class up to the largest, drawing from the fit rows only', () => {
    const out = resampleRows(fitRows, codes, 'oversample', 1);
    expect(out.length).toBe(60);
    expect(out.filter((r) => codes[r] === 1).length).toBe(30);
    const allowed = new Set(fitRows);
    for (const r of out) expect(allowed.has(r)).toBe(true);
    for (const r of validation) expect(out.includes(r)).toBe(false);
    expect(resampleRows(fitRows, codes, 'oversample', 1)).toEqual(out); // seeded
  });

  it('undersamples every class down to the smallest, without repeats', () => {
    const out = resampleRows(fitRows, codes, 'undersample', 1);
    expect(out.length).toBe(10);
    expect(new Set(out).size).toBe(10);
    expect(out.filter((r) => codes[r] === 1).length).toBe(5);
    for (const r of out) expect(fitRows.includes(r)).toBe(true);
    expect(resampleRows(fitRows, codes, 'none', 1)).toBe(fitRows);
  });

  it('scores a cell on its validation rows exactly as they are (fails if resampling touched them)', () => {
    const { features, target } = imbalanced();
    const fit = Int32Array.from({ length: 150 }, (_, i) => i);
    const score = Int32Array.from({ length: 50 }, (_, i) => 150 + i);
    const scoring = ['roc_auc', 'accuracy', 'recall', 'neg_log_loss'];
    const output = runCell({
      kind: 'cell',
      task: 'classification',
      family: 'linear',
      params: {},
      seed: 5,
      features,
      target,
      fitRows: fit,
      scoreRows: score,
      scoring,
      resample: 'oversample',
      returnPredictions: true,
    });
    expect(output.error).toBeNull();
    expect(output.nFit).toBe(270); // 135 + 135: the fit rows were resampled
    expect(output.nScored).toBe(50);
    expect(output.predictions?.length).toBe(100); // 50 validation rows × 2 classes, none added
    // The expectation, built by hand: fit on the resampled fit rows, score the untouched validation rows.
    const X = new Frame(features);
    const y: Labels = { codes: (target as { codes: Int32Array }).codes, levels: ['no', 'yes'] };
    const make = () =>
      makeTabularModel({
        task: 'classification',
        family: 'linear',
        features: featureSpecs(features),
        randomState: 5,
      });
    const labels = y.codes;
    const expected = runFold(
      make,
      X,
      y,
      { train: resampleRows(fit, labels, 'oversample', 5), test: score },
      { scoring },
    );
    expect(output.scores).toEqual(expected.testScores);
    // Had the validation rows been resampled too, the scores would differ (this is what the test guards).
    const leaked = runFold(
      make,
      X,
      y,
      {
        train: resampleRows(fit, labels, 'oversample', 5),
        test: resampleRows(score, labels, 'oversample', 5),
      },
      { scoring },
    );
    expect(leaked.testScores).not.toEqual(expected.testScores);
  });
});
