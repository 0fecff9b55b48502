import { describe, expect, it } from 'vitest';
import { classificationReport } from './classification-report';
import { f1Score } from './f1-score';
import { fbetaScore } from './fbeta-score';
import { reference } from './fixtures/evaluation-metrics';
import { type Average, precisionRecallFscoreSupport } from './precision-recall-fscore-support';
import { precisionScore } from './precision-score';
import { recallScore } from './recall-score';

const i32 = (values: readonly number[]) => Int32Array.from(values);
const { multiclass, binary } = reference;
const yTrue = i32(multiclass.yTrue);
const yPred = i32(multiclass.yPred);
const weights = Float64Array.from(multiclass.sampleWeight);

/** A scalar or per-label result as plain numbers, for exact comparison with the fixture. */
const plain = (value: number | Float64Array) => (typeof value === 'number' ? value : Array.from(value));

describe('precisionRecallFscoreSupport', () => {
  // Every average × zeroDivision × weighting: the sums are pairwise like NumPy's, so results are bit-identical.
  for (const c of multiclass.cases) {
    it(`matches scikit-learn exactly (average ${c.average}, zeroDivision ${c.zeroDivision}, weighted ${c.weighted})`, () => {
      const options = {
        average: c.average as Average | null,
        zeroDivision: c.zeroDivision as 'warn' | 0 | 1,
        sampleWeight: c.weighted ? weights : undefined,
      };
      const result = precisionRecallFscoreSupport(yTrue, yPred, options);
      expect(plain(result.precision)).toEqual(c.precision);
      expect(plain(result.recall)).toEqual(c.recall);
      expect(plain(result.fbeta)).toEqual(c.f1);
      expect(result.support === null ? null : Array.from(result.support)).toEqual(c.support);
      expect(plain(fbetaScore(yTrue, yPred, 2, options))).toEqual(c.f2);
    });
  }

  it('scores a chosen subset of labels, in the given order', () => {
    const { labels, precision, recallMacro, f1Micro } = multiclass.subset;
    expect(Array.from(precisionScore(yTrue, yPred, { labels, average: null, zeroDivision: 0 }))).toEqual(
      precision,
    );
    expect(recallScore(yTrue, yPred, { labels, average: 'macro', zeroDivision: 1 })).toBe(recallMacro);
    expect(f1Score(yTrue, yPred, { labels, average: 'micro' })).toBe(f1Micro);
  });

  it('handles a weighted average with no true rows like scikit-learn', () => {
    const { yTrue: t, yPred: p, labels, zero, one } = multiclass.noTrue;
    for (const [zeroDivision, expected] of [
      [0, zero],
      [1, one],
    ] as const) {
      const r = precisionRecallFscoreSupport(i32(t), i32(p), { labels, average: 'weighted', zeroDivision });
      expect([r.precision, r.recall, r.fbeta]).toEqual(expected);
    }
  });

  it('defaults precision, recall and F1 to the binary average of class 1', () => {
    const yb = i32(binary.yTrue);
    const predicted = Int32Array.from(binary.score, (s) => (s > 0.5 ? 1 : 0));
    for (const key of ['plain', 'weighted'] as const) {
      const sampleWeight = key === 'weighted' ? Float64Array.from(binary.sampleWeight) : undefined;
      const expected = binary[key];
      expect(precisionScore(yb, predicted, { sampleWeight })).toBe(expected.precision);
      expect(recallScore(yb, predicted, { sampleWeight })).toBe(expected.recall);
      expect(f1Score(yb, predicted, { sampleWeight })).toBe(expected.f1);
      expect(f1Score(yb, predicted, { sampleWeight, posLabel: 0 })).toBe(expected.f1Pos0);
    }
  });

  it('refuses a binary average on a multiclass target, an unknown posLabel and a negative beta', () => {
    expect(() => f1Score(yTrue, yPred)).toThrow(/average is 'binary'/);
    expect(() => f1Score(i32([0, 2]), i32([2, 0]))).toThrow(/posLabel 1 is not a valid label/);
    expect(() => fbetaScore(yTrue, yPred, -1, { average: 'macro' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() => precisionScore(i32([0]), i32([0, 1]))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
  });
});

describe('classificationReport', () => {
  it('gives scikit-learn’s output_dict numbers as data, with the accuracy', () => {
    const expected = multiclass.report as Record<string, Record<string, number> | number>;
    const report = classificationReport(yTrue, yPred, { targetNames: ['a', 'b', 'c', 'd', 'e'] });
    for (const row of report.classes) {
      const want = expected[row.name] as Record<string, number>;
      expect([row.precision, row.recall, row.f1Score, row.support]).toEqual([
        want.precision,
        want.recall,
        want['f1-score'],
        want.support,
      ]);
    }
    expect(report.accuracy).toBe(expected.accuracy);
    expect(report.microAvg).toBeNull();
    const macro = expected['macro avg'] as Record<string, number>;
    expect(report.macroAvg).toEqual({
      precision: macro.precision,
      recall: macro.recall,
      f1Score: macro['f1-score'],
      support: macro.support,
    });
    expect(report.weightedAvg.f1Score).toBe((expected['weighted avg'] as Record<string, number>)['f1-score']);
  });

  it('reports a micro average instead of the accuracy for a subset of labels', () => {
    const { labels, report: expected } = multiclass.subset as unknown as {
      labels: number[];
      report: Record<string, Record<string, number>>;
    };
    const report = classificationReport(yTrue, yPred, { labels, zeroDivision: 0 });
    expect(report.accuracy).toBeNull();
    expect(report.microAvg?.f1Score).toBe(expected['micro avg']['f1-score']);
    expect(report.classes.map((row) => row.name)).toEqual(['2', '0', '5']);
    expect(report.classes[2].support).toBe(0);
  });
});
