import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/evaluation-metrics';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { medianAbsoluteError } from './median-absolute-error';

const { regression } = reference;
const yTrue = Float64Array.from(regression.yTrue);
const yPred = Float64Array.from(regression.yPred);

describe('meanAbsolutePercentageError', () => {
  it('matches scikit-learn exactly, zero targets included (the ε = 2⁻⁵² floor)', () => {
    expect(meanAbsolutePercentageError(yTrue, yPred)).toBe(regression.mape);
    const sampleWeight = Float64Array.from(regression.sampleWeight);
    expect(meanAbsolutePercentageError(yTrue, yPred, { sampleWeight })).toBe(regression.mapeWeighted);
    const keep = Int32Array.from({ length: yTrue.length - 1 }, (_, i) => (i < 9 ? i : i + 1));
    const pick = (values: Float64Array) => Float64Array.from(keep, (i) => values[i]);
    expect(meanAbsolutePercentageError(pick(yTrue), pick(yPred))).toBe(regression.mapeNonZero);
  });

  it('returns a fraction, and a huge value (not Infinity) when a zero target is missed', () => {
    expect(
      meanAbsolutePercentageError(Float64Array.from([100, 200]), Float64Array.from([110, 180])),
    ).toBeCloseTo(0.1, 15);
    const missedZero = meanAbsolutePercentageError(Float64Array.from([0]), Float64Array.from([1e-3]));
    expect(missedZero).toBe(1e-3 / 2 ** -52);
    expect(meanAbsolutePercentageError(Float64Array.from([0]), Float64Array.from([0]))).toBe(0);
  });
});

describe('medianAbsoluteError', () => {
  it('matches scikit-learn for even and odd row counts', () => {
    expect(medianAbsoluteError(yTrue, yPred)).toBe(regression.medae);
    expect(medianAbsoluteError(yTrue.subarray(0, -1), yPred.subarray(0, -1))).toBe(regression.medaeOdd);
    expect(medianAbsoluteError(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 2, 3, 100]))).toBe(0);
  });
});
