import { describe, expect, it } from 'vitest';
import { pairedTest } from './paired-test';
import { studentTUpperTail } from './student-t';
import { thresholdCounts, tuneThreshold } from './threshold';

describe("Student's t upper tail", () => {
  it('matches tabulated critical values', () => {
    // t tables: P(T ≥ 2.776) = 0.025 at df 4; P(T ≥ 1.833) = 0.05 at df 9; P(T ≥ 12.706) = 0.025 at df 1.
    expect(studentTUpperTail(2.776445105, 4)).toBeCloseTo(0.025, 6);
    expect(studentTUpperTail(1.833112933, 9)).toBeCloseTo(0.05, 6);
    expect(studentTUpperTail(12.70620474, 1)).toBeCloseTo(0.025, 6);
    expect(studentTUpperTail(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTUpperTail(-1.833112933, 9)).toBeCloseTo(0.95, 6);
  });
});

describe('Nadeau–Bengio corrected paired t-test', () => {
  it('uses the corrected variance (1/k + n_test/n_train) and a one-sided p-value', () => {
    const a = [0.9, 0.85, 0.88, 0.92, 0.87];
    const b = [0.8, 0.82, 0.79, 0.85, 0.8];
    const test = pairedTest(a, b, 0.25, 'b');
    const d = a.map((x, i) => x - b[i]);
    const mean = d.reduce((s, x) => s + x, 0) / 5;
    const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / 4;
    expect(test.t).toBeCloseTo(mean / Math.sqrt((1 / 5 + 0.25) * variance), 12);
    expect(test.pValue).toBeCloseTo(studentTUpperTail(test.t as number, 4), 12);
    expect(test.better).toBe(true);
    expect(pairedTest(b, a, 0.25, 'a').better).toBe(false);
  });

  it('calls equal models not better, and skips failed folds', () => {
    expect(pairedTest([0.5, 0.5, 0.5], [0.5, 0.5, 0.5], 0.5, 'x')).toMatchObject({
      pValue: 1,
      better: false,
      t: null,
    });
    expect(pairedTest([0.6, 0.6, 0.6], [0.5, 0.5, 0.5], 0.5, 'x')).toMatchObject({ pValue: 0, better: true });
    expect(pairedTest([0.6, null, 0.7], [0.5, 0.5, 0.5], 0.5, 'x').meanDifference).toBeCloseTo(0.15, 12);
  });
});

describe('decision thresholds from out-of-fold probabilities', () => {
  const truth = Uint8Array.from([0, 0, 0, 0, 1, 0, 1, 1, 0, 1]);
  const proba = Float64Array.from([0.05, 0.1, 0.2, 0.29, 0.3, 0.45, 0.6, 0.7, 0.75, 0.9]);
  const counts = thresholdCounts(truth, proba);

  it('counts each row at every threshold it passes (p ≥ t, compared exactly)', () => {
    expect(counts).toHaveLength(101);
    expect(counts[0]).toEqual({ threshold: 0, tp: 4, fp: 6, tn: 0, fn: 0 });
    expect(counts[29]).toMatchObject({ tp: 4, fp: 3 }); // 0.29 ≥ 0.29 counts
    expect(counts[30]).toMatchObject({ tp: 4, fp: 2 });
    expect(counts[100]).toMatchObject({ tp: 0, fp: 0, fn: 4, tn: 6 });
  });

  it('picks the best F1, the best recall at a precision, or the lowest cost', () => {
    const f1 = tuneThreshold(counts, { metric: 'f1' }, 'yes');
    expect(f1.value).toBeCloseTo(0.8, 12); // t in (0.29, 0.3]: tp 4, fp 2 → F1 = 8/10
    expect(f1.threshold).toBe(0.3);
    const rp = tuneThreshold(counts, { metric: 'recall_at_precision', minPrecision: 0.75 }, 'yes');
    expect(rp.curve[Math.round(rp.threshold * 100)].precision).toBeGreaterThanOrEqual(0.75);
    expect(rp.value).toBe(0.75);
    const cost = tuneThreshold(
      counts,
      { metric: 'min_cost', costFalsePositive: 1, costFalseNegative: 10 },
      'yes',
    );
    expect(cost.value).toBe(2); // catch every positive: 2 false positives at t = 0.3
    expect(
      tuneThreshold(counts, { metric: 'recall_at_precision', minPrecision: 1.01 }, 'yes').value,
    ).toBeNull();
  });
});
