import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { accuracyScore } from './accuracy-score';
import { balancedAccuracyScore } from './balanced-accuracy-score';
import { confusionMatrix } from './confusion-matrix';
import { reference } from './fixtures/metrics';
import { logLoss } from './log-loss';
import { rocAucOvr } from './roc-auc-ovr';
import { rocAucScore } from './roc-auc-score';

const i32 = (values: number[]) => Int32Array.from(values);
const f64 = (values: number[]) => Float64Array.from(values);

describe('accuracy and confusion', () => {
  it('accuracyScore counts exact matches', () => {
    expect(accuracyScore(i32([0, 1, 2, 1]), i32([0, 2, 2, 1]))).toBe(0.75);
  });

  it('confusionMatrix puts actual classes in rows and predictions in columns', () => {
    expect(confusionMatrix(i32([0, 0, 1, 2, 2]), i32([0, 1, 1, 2, 0]), 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(() => confusionMatrix(i32([3]), i32([0]), 3)).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
  });

  it('balancedAccuracyScore averages recall per class (scikit-learn doc example: 0.625)', () => {
    expect(balancedAccuracyScore(i32([0, 1, 0, 0, 1, 0]), i32([0, 1, 0, 0, 0, 1]))).toBe(0.625);
  });

  it('rejects mismatched or empty inputs', () => {
    expect(() => accuracyScore(i32([0]), i32([0, 1]))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => accuracyScore(i32([]), i32([]))).toThrow(expect.objectContaining({ code: 'EMPTY_DATA' }));
  });
});

describe('rocAucScore', () => {
  it('gives 0.75 on the scikit-learn doc example', () => {
    expect(rocAucScore(i32([0, 0, 1, 1]), f64([0.1, 0.4, 0.35, 0.8]))).toBe(0.75);
  });

  it('counts tied pairs as one half', () => {
    // Pairs (positive, negative): (.5,.2)=1, (.5,.5)=½, (.9,.2)=1, (.9,.5)=1 → 3.5 / 4.
    expect(rocAucScore(i32([0, 0, 1, 1]), f64([0.2, 0.5, 0.5, 0.9]))).toBe(0.875);
    expect(rocAucScore(i32([0, 1, 0, 1]), f64([1, 1, 1, 1]))).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAucScore(i32([0, 0, 1]), f64([1, 2, 3]))).toBe(1);
    expect(rocAucScore(i32([0, 0, 1]), f64([3, 2, 1]))).toBe(0);
  });

  it('matches scikit-learn on a case with many ties', () => {
    const { yTrue, score, auc } = reference.binary;
    expect(rocAucScore(i32(yTrue), f64(score))).toBeCloseTo(auc, 14);
  });

  it('needs both classes', () => {
    expect(() => rocAucScore(i32([1, 1]), f64([0.1, 0.2]))).toThrow(
      expect.objectContaining({ code: 'SINGLE_CLASS' }),
    );
  });
});

describe('probabilistic multiclass metrics', () => {
  const { yTrue, proba, yPred, aucOvr, logLoss: expectedLogLoss, balancedAccuracy } = reference.multiclass;

  it('rocAucOvr matches scikit-learn macro one-vs-rest', () => {
    expect(rocAucOvr(i32(yTrue), Matrix.fromRows(proba))).toBeCloseTo(aucOvr, 14);
  });

  it('logLoss matches scikit-learn and a hand-computed value', () => {
    expect(logLoss(i32(yTrue), Matrix.fromRows(proba))).toBeCloseTo(expectedLogLoss, 13);
    const hand = -(Math.log(0.9) + Math.log(0.8)) / 2;
    expect(
      logLoss(
        i32([0, 1]),
        Matrix.fromRows([
          [0.9, 0.1],
          [0.2, 0.8],
        ]),
      ),
    ).toBeCloseTo(hand, 15);
  });

  it('logLoss clips at 1e-15, so a certain wrong answer costs -log(1e-15)', () => {
    expect(logLoss(i32([0]), Matrix.fromRows([[0, 1]]))).toBeCloseTo(-Math.log(1e-15), 6);
  });

  it('balancedAccuracyScore matches scikit-learn', () => {
    expect(balancedAccuracyScore(i32(yTrue), i32(yPred))).toBeCloseTo(balancedAccuracy, 14);
  });
});
