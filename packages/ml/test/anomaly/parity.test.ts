import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chi2Quantile } from '../../src/anomaly/chi2';
import { fastMcd } from '../../src/anomaly/fast-mcd';
import { IsolationForest } from '../../src/anomaly/isolation-forest';
import { MahalanobisDetector } from '../../src/anomaly/mahalanobis-detector';
import { spearmanRho } from '../../src/calibration/spearman-rho';
import { Matrix } from '../../src/core/matrix';
import { rocAucScore } from '../../src/metrics/roc-auc-score';

// Written by ../fixtures/anomaly/make_iforest.py and make_mcd.py with scikit-learn 1.2.1.
const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'anomaly', name), 'utf8'));

describe('IsolationForest against scikit-learn', () => {
  const fixture = read('iforest.json');
  const X = Matrix.fromRows(fixture.X);
  const y = Int32Array.from(fixture.y);

  it('has a ROC AUC within 0.02 of scikit-learn’s (mean over its seeds) for several of our seeds', () => {
    for (const randomState of [0, 1, 2]) {
      const model = new IsolationForest({ nEstimators: 100, randomState }).fit(X);
      const auc = rocAucScore(
        y,
        model.scoreSamples(X).map((s) => -s),
      );
      expect(Math.abs(auc - fixture.auc_mean)).toBeLessThan(0.02);
    }
  });

  it('scores like the paper: about −0.5 for normal rows, towards −1 for anomalies', () => {
    const model = new IsolationForest({ randomState: 0 }).fit(X);
    const scores = model.scoreSamples(X);
    const mean = (label: number) => {
      let sum = 0;
      let count = 0;
      scores.forEach((s, i) => {
        if (y[i] === label) {
          sum += s;
          count++;
        }
      });
      return sum / count;
    };
    expect(mean(0)).toBeGreaterThan(-0.5);
    expect(mean(1)).toBeLessThan(-0.55);
    expect(model.offset_).toBe(-0.5);
  });
});

describe('FAST-MCD against scikit-learn’s MinCovDet', () => {
  const fixture = read('mcd.json');
  const X = Matrix.fromRows(fixture.X);
  const mcd = fastMcd(X, { randomState: 0 });
  const p = 3;

  // FAST-MCD is randomised: scikit-learn's own seeds 0–9 reach different local optima here (covariance entries
  // spread by up to 8% of √(c_aa·c_bb)), and Quarry draws its starts from another generator. So the test asks for
  // scikit-learn's seed-0 estimate within 5% of that scale (location within 5% of the robust sd), the whole result
  // inside scikit-learn's spread over seeds, an objective (raw log-determinant) as good as one of its seeds, and the
  // same ranking of the robust distances (Spearman ≥ 0.99).
  it('gives a location and covariance within 5% of scikit-learn’s and inside its spread over seeds', () => {
    const scale = (a: number, b: number) => Math.sqrt(fixture.covariance[a][a] * fixture.covariance[b][b]);
    for (let j = 0; j < p; j++) {
      expect(Math.abs(mcd.location[j] - fixture.location[j])).toBeLessThan(0.05 * scale(j, j));
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        expect(Math.abs(mcd.covariance[a * p + b] - fixture.covariance[a][b])).toBeLessThan(
          0.05 * scale(a, b),
        );
        const seen = fixture.seeds.map((s: { covariance: number[][] }) => s.covariance[a][b]);
        expect(mcd.covariance[a * p + b]).toBeGreaterThanOrEqual(Math.min(...seen) - 1e-9);
        expect(mcd.covariance[a * p + b]).toBeLessThanOrEqual(Math.max(...seen) + 1e-9);
      }
    }
    const logDets = fixture.seeds.map((s: { raw_logdet: number }) => s.raw_logdet);
    expect(mcd.rawLogDet).toBeLessThanOrEqual(Math.max(...logDets) + 1e-9);
    expect(spearmanRho(mcd.distances, Float64Array.from(fixture.dist))).toBeGreaterThan(0.99);
  });

  it('reaches scikit-learn’s best optimum with another seed, to rounding', () => {
    const best = fixture.seeds.reduce((a: { raw_logdet: number }, b: { raw_logdet: number }) =>
      b.raw_logdet < a.raw_logdet ? b : a,
    );
    const seeded = [0, 1, 2, 3, 4].map((randomState) => fastMcd(X, { randomState }));
    const ours = seeded.reduce((a, b) => (b.rawLogDet < a.rawLogDet ? b : a));
    expect(ours.rawLogDet).toBeCloseTo(best.raw_logdet, 9);
    for (let j = 0; j < p; j++) expect(ours.location[j]).toBeCloseTo(best.location[j], 9);
    for (let k = 0; k < p * p; k++)
      expect(ours.covariance[k]).toBeCloseTo(best.covariance[Math.floor(k / p)][k % p], 9);
  });

  it('MahalanobisDetector agrees with EllipticEnvelope on at least 98% of the flags at contamination 0.1', () => {
    const detector = new MahalanobisDetector({ contamination: 0.1 }).fit(X);
    const ours = detector.predict(X);
    const same = ours.filter((v, i) => v === fixture.envelope_predict[i]).length;
    expect(same / ours.length).toBeGreaterThanOrEqual(0.98);
    expect(Math.abs(detector.offset_ - fixture.envelope_offset)).toBeLessThan(
      0.05 * Math.abs(fixture.envelope_offset),
    );
  });

  it('uses exact chi-square quantiles (scipy values)', () => {
    expect(chi2Quantile(0.5, 3)).toBeCloseTo(2.3659738843753377, 12);
    expect(chi2Quantile(0.975, 3)).toBeCloseTo(9.348403604496148, 11);
    expect(chi2Quantile(0.975, 1)).toBeCloseTo(5.023886187314888, 11);
  });
});
