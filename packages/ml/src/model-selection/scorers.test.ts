import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { accuracyScore } from '../metrics/accuracy-score';
import { f1Score } from '../metrics/f1-score';
import { logLoss } from '../metrics/log-loss';
import { rocAucScore } from '../metrics/roc-auc-score';
import { rootMeanSquaredError } from '../metrics/root-mean-squared-error';
import { getScorer, SCORER_NAMES } from './scorers';
import { resolveScoring } from './scoring';

const X = Matrix.fromRows(Array.from({ length: 30 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3), i / 30]));
const y3 = { codes: Int32Array.from({ length: 30 }, (_, i) => (i * 7) % 3), levels: ['a', 'b', 'c'] };
const y2 = {
  codes: Int32Array.from({ length: 30 }, (_, i) => (Math.sin(i) + 0.3 * Math.cos(i) > 0 ? 1 : 0)),
  levels: ['no', 'yes'],
};
const yr = Float64Array.from({ length: 30 }, (_, i) => 2 * Math.sin(i) - Math.cos(i * 1.3) + (i % 4) / 10);

describe('getScorer', () => {
  const binary = new LogisticRegression().fit(X, y2);
  const multi = new LogisticRegression().fit(X, y3);
  const ridge = new Ridge().fit(X, yr);

  it('knows scikit-learn’s names', () => {
    for (const name of [
      'accuracy',
      'balanced_accuracy',
      'roc_auc',
      'roc_auc_ovr',
      'f1',
      'f1_macro',
      'precision_weighted',
      'recall_micro',
      'average_precision',
      'neg_log_loss',
      'neg_brier_score',
      'r2',
      'neg_root_mean_squared_error',
      'neg_mean_absolute_percentage_error',
      'neg_median_absolute_error',
    ]) {
      expect(SCORER_NAMES).toContain(name);
    }
    expect(() => getScorer('auc')).toThrow(/Unknown scorer 'auc'. Known scorers: accuracy/);
  });

  it('scores so that greater is better, with losses negated', () => {
    expect(getScorer('accuracy')(binary, X, y2)).toBe(accuracyScore(y2.codes, binary.predict(X)));
    expect(getScorer('roc_auc')(binary, X, y2)).toBe(rocAucScore(y2.codes, binary.predictProba(X).column(1)));
    expect(getScorer('f1')(binary, X, y2)).toBe(f1Score(y2.codes, binary.predict(X)));
    expect(getScorer('neg_log_loss')(multi, X, y3)).toBe(-logLoss(y3.codes, multi.predictProba(X)));
    expect(getScorer('neg_root_mean_squared_error')(ridge, X, yr)).toBe(
      -rootMeanSquaredError(yr, ridge.predict(X)),
    );
  });

  it('matches classes by name, so labels with other level orders score correctly', () => {
    // Same rows, levels listed in reverse: codes differ but names agree.
    const reversed = { codes: Int32Array.from(y2.codes, (c) => 1 - c), levels: ['yes', 'no'] };
    expect(getScorer('accuracy')(binary, X, reversed)).toBe(getScorer('accuracy')(binary, X, y2));
  });

  it('counts a class unseen in training as an error for label scorers, and refuses it for probability scorers', () => {
    const unseen = {
      codes: Int32Array.from(y2.codes, (c, i) => (i === 0 ? 2 : c)),
      levels: ['no', 'yes', 'maybe'],
    };
    const acc = getScorer('accuracy')(binary, X, unseen);
    const predicted = binary.predict(X);
    const correctElsewhere = predicted.filter((p, i) => i > 0 && p === y2.codes[i]).length;
    expect(acc).toBe(correctElsewhere / 30);
    expect(() => getScorer('neg_log_loss')(binary, X, unseen)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY' }),
    );
  });

  it('refuses binary scorers on several classes and classifier scorers on regressors', () => {
    expect(() => getScorer('roc_auc')(multi, X, y3)).toThrow(/Use 'roc_auc_ovr' instead/);
    expect(() => getScorer('f1')(multi, X, y3)).toThrow(/Use 'f1_macro' instead/);
    expect(() => getScorer('accuracy')(ridge, X, yr)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }),
    );
  });
});

describe('resolveScoring', () => {
  it('resolves names, lists and named functions, and defaults by estimator type', () => {
    expect(Object.keys(resolveScoring(null, new LogisticRegression()))).toEqual(['score']);
    expect(resolveScoring(null, new Ridge()).score).toBe(getScorer('r2'));
    const custom = () => 1;
    expect(Object.keys(resolveScoring({ mine: custom, auc: 'roc_auc' }, new Ridge()))).toEqual([
      'mine',
      'auc',
    ]);
    expect(() => resolveScoring(['r2', 'r2'], new Ridge())).toThrow(/listed twice/);
    expect(() => resolveScoring([], new Ridge())).toThrow(/empty/);
  });
});
