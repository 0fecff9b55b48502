import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { silhouetteScore } from '../metrics/silhouette-score';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { elbowCurve } from './elbow';
import { KMeans } from './kmeans';

/** Three well separated seeded blobs in 2-D (60 rows each) around (0,0), (10,0) and (0,10). */
function blobs(seed = 3): { X: Matrix; truth: Int32Array } {
  const rng = new Rng(seed);
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
  ];
  const rows: number[][] = [];
  const truth: number[] = [];
  centres.forEach(([cx, cy], c) => {
    for (let i = 0; i < 60; i++) {
      rows.push([cx + rng.nextFloat() - 0.5, cy + rng.nextFloat() - 0.5]);
      truth.push(c);
    }
  });
  return { X: Matrix.fromRows(rows), truth: Int32Array.from(truth) };
}

describe('KMeans', () => {
  it('finds separated blobs: every blob is one cluster, centres at the blob means', () => {
    const { X, truth } = blobs();
    const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X);
    for (let c = 0; c < 3; c++) {
      const found = new Set(Array.from(km.labels_).filter((_, i) => truth[i] === c));
      expect(found.size).toBe(1);
    }
    const centres = km.clusterCenters_.toRows().sort((a, b) => a[0] + 2 * a[1] - (b[0] + 2 * b[1]));
    expect(centres[0][0]).toBeCloseTo(0, 0);
    expect(centres[1][0]).toBeCloseTo(10, 0);
    expect(centres[2][1]).toBeCloseTo(10, 0);
    expect(Array.from(km.predict(X))).toEqual(Array.from(km.labels_));
    expect(km.score(X)).toBeCloseTo(-km.inertia_, 9);
  });

  it('transform gives distances to each centre whose argmin is predict', () => {
    const { X } = blobs();
    const km = new KMeans({ nClusters: 3, randomState: 2 }).fit(X);
    const d = km.transform(X);
    const labels = km.predict(X);
    for (let i = 0; i < X.nRows; i++) {
      const row = Array.from(d.row(i));
      expect(row.indexOf(Math.min(...row))).toBe(labels[i]);
    }
    expect(km.featureNamesOut()).toEqual(['kmeans0', 'kmeans1', 'kmeans2']);
  });

  it('rejects explicit centres of the wrong shape, too few rows and missing values', () => {
    const { X } = blobs();
    expect(() => new KMeans({ nClusters: 2, init: [[0, 0]] }).fit(X)).toThrow(/2 rows of 2 finite numbers/);
    expect(() => new KMeans({ nClusters: 5 }).fit(X.takeRows(Int32Array.from([0, 1])))).toThrow(
      /at least nClusters/,
    );
    const gap = Matrix.fromRows([
      [1, Number.NaN],
      [2, 3],
    ]);
    expect(() => new KMeans({ nClusters: 1 }).fit(gap)).toThrow(/Impute them first/);
  });

  it('saves explicit initial centres as versioned JSON and loads the same clustering', () => {
    const { X } = blobs();
    const init = [
      [1, 1],
      [9, 1],
      [1, 9],
    ];
    const km = new KMeans({ nClusters: 3, init }).fit(X);
    const json = JSON.parse(JSON.stringify(toJSON(km)));
    expect(json.kind).toBe('KMeans');
    const loaded = fromJSON(json) as KMeans;
    expect(loaded.params.init).toEqual(init);
    expect(Array.from(loaded.predict(X))).toEqual(Array.from(km.labels_));
    expect(loaded.inertia_).toBe(km.inertia_);
  });

  it('relocates an empty cluster to the farthest row instead of leaving it empty', () => {
    const X = Matrix.fromRows([[0], [0.1], [0.2], [10]]);
    // The second start is far from every row, so its cluster is empty after the first assignment.
    const km = new KMeans({ nClusters: 2, init: [[0], [100]] }).fit(X);
    expect(new Set(km.labels_).size).toBe(2);
    expect(km.inertia_).toBeCloseTo(0.02, 9);
  });
});

describe('elbowCurve and silhouetteScore', () => {
  it('inertia falls with k and drops sharply at the true k; the silhouette peaks there', () => {
    const { X } = blobs();
    const curve = elbowCurve(X, { kMax: 6, randomState: 0 });
    expect(curve.map((p) => p.k)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let k = 1; k < curve.length; k++) expect(curve[k].inertia).toBeLessThanOrEqual(curve[k - 1].inertia);
    expect(curve[2].inertia / curve[1].inertia).toBeLessThan(0.2);
    expect(curve[3].inertia / curve[2].inertia).toBeGreaterThan(0.5);
    const silhouettes = curve.slice(1).map((p) => silhouetteScore(X, p.labels));
    expect(silhouettes.indexOf(Math.max(...silhouettes)) + 2).toBe(3);
    expect(silhouettes[1]).toBeGreaterThan(0.8);
  });

  it('a sampled silhouette is seeded and close to the full one', () => {
    const { X, truth } = blobs();
    const full = silhouetteScore(X, truth);
    const a = silhouetteScore(X, truth, { sampleSize: 90, randomState: 5 });
    expect(silhouetteScore(X, truth, { sampleSize: 90, randomState: 5 })).toBe(a);
    expect(Math.abs(a - full)).toBeLessThan(0.05);
  });

  it('a silhouette needs at least two clusters', () => {
    const { X } = blobs();
    expect(() => silhouetteScore(X, new Int32Array(X.nRows))).toThrow(/between 2 and/);
  });
});
