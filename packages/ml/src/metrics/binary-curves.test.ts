import { describe, expect, it } from 'vitest';
import { averagePrecisionScore } from './average-precision-score';
import { brierScoreLoss } from './brier-score-loss';
import { calibrationCurve } from './calibration-curve';
import { reference } from './fixtures/evaluation-metrics';
import { precisionRecallCurve } from './precision-recall-curve';
import { rocCurve } from './roc-curve';

const { binary, calibration } = reference;
const yTrue = Int32Array.from(binary.yTrue);
const score = Float64Array.from(binary.score);
const weights = Float64Array.from(binary.sampleWeight);
const arrays = (curve: Record<string, Float64Array>) =>
  Object.fromEntries(Object.entries(curve).map(([k, v]) => [k, Array.from(v)]));

describe('binary curves and scores', () => {
  for (const key of ['plain', 'weighted'] as const) {
    const sampleWeight = key === 'weighted' ? weights : undefined;
    const expected = binary[key];

    it(`rocCurve gives scikit-learn 1.2’s points exactly (${key}), with and without dropIntermediate`, () => {
      expect(arrays({ ...rocCurve(yTrue, score, { sampleWeight }) })).toEqual(expected.roc);
      const all = rocCurve(yTrue, score, { sampleWeight, dropIntermediate: false });
      expect(arrays({ ...all })).toEqual(expected.rocAll);
      if (key === 'plain') expect(all.fpr.length).toBeGreaterThan(expected.roc.fpr.length);
    });

    it(`precisionRecallCurve, averagePrecisionScore and brierScoreLoss match exactly (${key})`, () => {
      expect(arrays({ ...precisionRecallCurve(yTrue, score, { sampleWeight }) })).toEqual(expected.pr);
      expect(averagePrecisionScore(yTrue, score, { sampleWeight })).toBe(expected.ap);
      expect(brierScoreLoss(yTrue, score, { sampleWeight })).toBe(expected.brier);
    });
  }

  it('reproduces the scikit-learn documentation examples', () => {
    const roc = rocCurve(Int32Array.from([1, 1, 2, 2]), Float64Array.from([0.1, 0.4, 0.35, 0.8]), {
      posLabel: 2,
    });
    expect([Array.from(roc.fpr), Array.from(roc.tpr), Array.from(roc.thresholds)]).toEqual(
      binary.docExample.roc,
    );
    const ap = averagePrecisionScore(Int32Array.from([0, 0, 1, 1]), Float64Array.from([0.1, 0.4, 0.35, 0.8]));
    expect(ap).toBe(binary.docExample.ap);
  });

  it('needs posLabel for codes other than {0, 1} and {−1, 1}, and refuses NaN scores', () => {
    expect(() => rocCurve(Int32Array.from([1, 2]), Float64Array.from([0.1, 0.9]))).toThrow(/Pass posLabel/);
    expect(() => rocCurve(Int32Array.from([0, 1]), Float64Array.from([0.1, Number.NaN]))).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN' }),
    );
  });

  it('brierScoreLoss is 0.25 for constant 0.5 and refuses probabilities outside [0, 1]', () => {
    expect(brierScoreLoss(Int32Array.from([0, 1, 1, 0]), new Float64Array(4).fill(0.5))).toBe(0.25);
    expect(() => brierScoreLoss(Int32Array.from([0, 1]), Float64Array.from([0.5, 1.5]))).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('calibrationCurve', () => {
  const yc = Int32Array.from(calibration.yTrue);
  const prob = Float64Array.from(calibration.prob);
  for (const strategy of ['uniform', 'quantile'] as const) {
    for (const nBins of [5, 10] as const) {
      it(`matches scikit-learn exactly (${strategy}, ${nBins} bins; edge values included)`, () => {
        const curve = calibrationCurve(yc, prob, { strategy, nBins });
        expect(arrays({ ...curve })).toEqual(
          calibration[`${strategy}${nBins}` as `${typeof strategy}${5 | 10}`],
        );
      });
    }
  }

  it('leaves empty bins out', () => {
    const curve = calibrationCurve(Int32Array.from([0, 1, 1]), Float64Array.from([0.05, 0.95, 0.92]), {
      nBins: 10,
    });
    expect(Array.from(curve.probTrue)).toEqual([0, 1]);
    expect(curve.probPred[1]).toBeCloseTo(0.935, 15);
  });
});
