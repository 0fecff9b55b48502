import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnomalyEnsemble, DETECTOR_NAMES } from '../../src/anomaly/anomaly-ensemble';
import { IsolationForest } from '../../src/anomaly/isolation-forest';
import { LocalOutlierFactor } from '../../src/anomaly/local-outlier-factor';
import { MahalanobisDetector } from '../../src/anomaly/mahalanobis-detector';
import { RobustZScore } from '../../src/anomaly/robust-z-score';
import { numericColumn } from '../../src/core/column';
import { isMlError } from '../../src/core/errors';
import { Frame } from '../../src/core/frame';
import { Matrix } from '../../src/core/matrix';
import { fromJSON } from '../../src/serialization/from-json';
import { toJSON } from '../../src/serialization/to-json';
import { blobWithMixedAnomalies } from './anomaly-sets';

const { X } = blobWithMixedAnomalies(11);
const roundTrip = <T>(model: T) => fromJSON(JSON.parse(JSON.stringify(toJSON(model as never)))) as T;

describe('LocalOutlierFactor against scikit-learn (novelty=True, n_neighbors=15, contamination=0.05)', () => {
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'anomaly', 'lof.json'), 'utf8'),
  );
  const lof = new LocalOutlierFactor({ nNeighbors: 15, contamination: 0.05 }).fit(
    Matrix.fromRows(fixture.train),
  );

  it('gives the same in-sample factors and offset to 1e-9', () => {
    fixture.negative_outlier_factor.forEach((v: number, i: number) => {
      expect(Math.abs(lof.trainScores_[i] - v)).toBeLessThan(1e-9);
    });
    expect(Math.abs(lof.offset_ - fixture.offset)).toBeLessThan(1e-9);
  });

  it('scores and labels new rows the same', () => {
    const newRows = Matrix.fromRows(fixture.new);
    const scores = lof.scoreSamples(newRows);
    fixture.score_samples_new.forEach((v: number, i: number) => {
      expect(Math.abs(scores[i] - v)).toBeLessThan(1e-9);
    });
    expect(Array.from(lof.predict(newRows))).toEqual(fixture.predict_new);
  });
});

describe('every detector', () => {
  const factories = {
    IsolationForest: (seed: number) => new IsolationForest({ nEstimators: 50, randomState: seed }),
    LocalOutlierFactor: () => new LocalOutlierFactor(),
    RobustZScore: () => new RobustZScore(),
    MahalanobisDetector: (seed: number) => new MahalanobisDetector({ randomState: seed }),
    AnomalyEnsemble: (seed: number) => new AnomalyEnsemble({ nEstimators: 50, randomState: seed }),
  };
  for (const [name, make] of Object.entries(factories)) {
    it(`${name}: the same seed gives identical scores, and a saved copy scores identically`, () => {
      const a = make(5).fit(X);
      const b = make(5).fit(X);
      expect(Array.from(b.scoreSamples(X))).toEqual(Array.from(a.scoreSamples(X)));
      const loaded = roundTrip(a);
      expect(Array.from(loaded.scoreSamples(X))).toEqual(Array.from(a.scoreSamples(X)));
      expect(Array.from(loaded.decisionFunction(X))).toEqual(Array.from(a.decisionFunction(X)));
      expect(Array.from(loaded.trainScores_)).toEqual(Array.from(a.trainScores_));
    });
  }

  it('IsolationForest: another seed grows other trees', () => {
    const a = factories.IsolationForest(1).fit(X).scoreSamples(X);
    const b = factories.IsolationForest(2).fit(X).scoreSamples(X);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('a fraction contamination flags that share of the training rows', () => {
    for (const model of [
      new IsolationForest({ contamination: 0.1 }),
      new LocalOutlierFactor({ contamination: 0.1 }),
      new RobustZScore({ contamination: 0.1 }),
      new MahalanobisDetector({ contamination: 0.1 }),
    ]) {
      const flagged = model.fitPredict(X).filter((v) => v === -1).length;
      expect(Math.abs(flagged / X.nRows - 0.1)).toBeLessThan(0.005);
    }
  });

  it('refuses missing values with INPUT_HAS_NAN and a bad contamination with INVALID_PARAMETER', () => {
    const withNan = new Matrix(X.nRows, X.nCols, X.data.slice());
    withNan.data[3] = Number.NaN;
    for (const [model, rows, code] of [
      [new RobustZScore(), withNan, 'INPUT_HAS_NAN'],
      [new IsolationForest({ contamination: 0.7 }), X, 'INVALID_PARAMETER'],
    ] as const) {
      try {
        model.fit(rows);
        expect.unreachable();
      } catch (error) {
        expect(isMlError(error) && error.code).toBe(code);
      }
    }
  });
});

describe('RobustZScore', () => {
  it('uses the median and 1.4826 × MAD, falling back to the mean absolute deviation when the MAD is 0', () => {
    const model = new RobustZScore().fit(
      Matrix.fromColumns([
        [1, 2, 3, 4, 100],
        [5, 5, 5, 5, 10],
      ]),
    );
    expect(Array.from(model.median_)).toEqual([3, 5]);
    expect(model.scale_[0]).toBeCloseTo(1.482602218505602, 12);
    expect(model.scale_[1]).toBeCloseTo(1.2533141373155001, 12); // mean |x − 5| = 1
    const z = model.zScores(Matrix.fromRows([[100, 5]]));
    expect(z.get(0, 0)).toBeCloseTo(97 / 1.482602218505602, 10);
    expect(
      model.predict(
        Matrix.fromRows([
          [3, 5],
          [100, 5],
        ]),
      ),
    ).toEqual(Int32Array.from([1, -1]));
  });
});

describe('AnomalyEnsemble.explain', () => {
  const names = ['amount', 'amount_twin', 'age', 'age_inverse'];
  const frame = new Frame(names.map((name, j) => numericColumn(name, X.column(j))));
  const ensemble = new AnomalyEnsemble({ contamination: 0.05, topFeatures: 2 }).fit(frame);

  it('flags the contamination share of training rows and gives ranks, agreement and named reasons', () => {
    const rows = ensemble.explain(frame, { inSample: true });
    const flagged = rows.filter((r) => r.flagged);
    expect(Math.abs(flagged.length / rows.length - 0.05)).toBeLessThan(0.005);
    for (const row of rows) {
      expect(row.score).toBe(Math.max(...DETECTOR_NAMES.map((d) => row.ranks[d])));
      expect(row.agreement).toBe(row.flaggedBy.length / 4);
      expect(row.reasons).toHaveLength(2);
      expect(row.reasons[0].contribution).toBeGreaterThanOrEqual(row.reasons[1].contribution);
      expect(names).toContain(row.reasons[0].name);
    }
    // Flagged rows are, on average, flagged by more detectors than the others.
    const meanAgreement = (list: typeof rows) => list.reduce((a, r) => a + r.agreement, 0) / list.length;
    expect(meanAgreement(flagged)).toBeGreaterThan(meanAgreement(rows.filter((r) => !r.flagged)) + 0.3);
  });

  it('names the extreme feature, and the pair whose correlation a row breaks', () => {
    const centre = Array.from(
      ensemble.members_[2] instanceof RobustZScore ? ensemble.members_[2].median_ : [],
    );
    const extreme = [...centre];
    extreme[2] += 12; // 'age' far out on its own
    const broken = [...centre];
    broken[0] += 2.5; // amount up while its twin goes down: each value ordinary, the pair not
    broken[1] -= 2.5;
    const [a, b] = ensemble.explain(
      Frame.fromRecords([extreme, broken].map((r) => Object.fromEntries(names.map((n, j) => [n, r[j]])))),
    );
    expect(a.flagged).toBe(true);
    expect(a.reasons[0].name).toBe('age');
    expect(a.reasons[0].robustZ).toBeGreaterThan(5);
    expect(b.flagged).toBe(true);
    expect(b.flaggedBy).toContain('mahalanobis');
    expect(new Set(b.reasons.map((r) => r.name))).toEqual(new Set(['amount', 'amount_twin']));
    expect(b.reasons[0].mahalanobisShare).toBeGreaterThan(0.3);
  });

  it('maps new rows to ranks against the training reference (beyond every training row → rank 1)', () => {
    const far = Matrix.fromRows([[50, -50, 50, 50]]);
    const [row] = ensemble.explain(far);
    for (const name of ['localOutlierFactor', 'robustZScore', 'mahalanobis'] as const)
      expect(row.ranks[name]).toBe(1);
    // An isolation forest saturates: past the data every row falls in the leaves of the most isolated training
    // rows, so it ties with them (ties count half).
    expect(row.ranks.isolationForest).toBeGreaterThan(0.99);
    expect(row.score).toBe(1);
    expect(row.agreement).toBe(1);
    expect(() => ensemble.explain(far, { inSample: true })).toThrow(/training rows/);
  });
});

describe('MahalanobisDetector with a feature most rows share one value of', () => {
  // 400 rows: y = 2x + small noise, and a code that is 0 in 70% of rows. Row 7 breaks the correlation. Without care,
  // FAST-MCD picks an h-subset where the code is constant (determinant 0) and the code's precision drowns x and y.
  const n = 400;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 3);
  const y = Float64Array.from(x, (v, i) => 2 * v + 0.1 * Math.cos(i * 78.233) + (i === 7 ? 4 : 0));
  const code = Float64Array.from({ length: n }, (_, i) => (i % 10 < 7 ? 0 : (i % 10) - 6));
  const X = new Frame([numericColumn('x', x), numericColumn('y', y), numericColumn('code', code)]);

  it('leaves the degenerate feature out of the distance and still finds the broken correlation', () => {
    const detector = new MahalanobisDetector({ contamination: 0.01 }).fit(X);
    expect(detector.dof_).toBe(2);
    const scores = detector.scoreSamples(X);
    const worst = scores.indexOf(Math.min(...scores));
    expect(worst).toBe(7);
    const parts = detector.contributions(X);
    for (let i = 0; i < n; i++) expect(parts.get(i, 2)).toBe(0);
    expect(roundTrip(detector).scoreSamples(X)).toEqual(scores);
  });
});
