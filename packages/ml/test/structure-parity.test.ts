import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KMeans } from '../src/cluster/kmeans';
import type { Matrix } from '../src/core/matrix';
import { PCA } from '../src/decomposition/pca';
import { silhouetteScore } from '../src/metrics/silhouette-score';
import { StandardScaler } from '../src/preprocessing/standard-scaler';
import { loadTabular, readSpecs } from './load-tabular';

// scikit-learn 1.2.1 on the same standardised columns, written by fixtures/structure/make_structure.py.
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'structure', 'structure.json'), 'utf8'),
);

function standardised(name: string, columns: string[]): Matrix {
  const { frame } = loadTabular(name, readSpecs()[name].target);
  return new StandardScaler().fit(frame.select(columns)).transform(frame.select(columns));
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('PCA vs scikit-learn (full SVD)', () => {
  for (const name of ['vehicle', 'sonar']) {
    const expected = reference.datasets[name];
    const X = standardised(name, expected.columns);

    it(`${name}: explained variance and ratio within 1e-6, components and scores with the same signs`, () => {
      const pca = new PCA().fit(X);
      const plain = expected.pca.plain;
      expect(pca.nComponents_).toBe(plain.explainedVariance.length);
      expect(maxAbsDiff(pca.explainedVariance_, plain.explainedVariance)).toBeLessThan(1e-6);
      expect(maxAbsDiff(pca.explainedVarianceRatio_, plain.explainedVarianceRatio)).toBeLessThan(1e-6);
      expect(maxAbsDiff(pca.singularValues_, plain.singularValues)).toBeLessThan(1e-6);
      const components = plain.components as number[][];
      components.forEach((row, c) => {
        expect(maxAbsDiff(pca.components_.row(c), row)).toBeLessThan(1e-6);
      });
      const scores = pca.transform(X.takeRows(Int32Array.from([0, 1, 2, 3, 4])));
      (plain.firstRows as number[][]).forEach((row, i) => {
        expect(maxAbsDiff(scores.row(i).subarray(0, 5), row.slice(0, 5))).toBeLessThan(1e-6);
      });
    });

    it(`${name}: whitened scores, nComponents as a count and as a variance fraction`, () => {
      const whitened = new PCA({ whiten: true })
        .fit(X)
        .transform(X.takeRows(Int32Array.from([0, 1, 2, 3, 4])));
      (expected.pca.whiten.firstRows as number[][]).forEach((row, i) => {
        expect(maxAbsDiff(whitened.row(i).subarray(0, 5), row.slice(0, 5))).toBeLessThan(1e-6);
      });
      const two = new PCA({ nComponents: 2 }).fit(X);
      expect(two.nComponents_).toBe(expected.pca.n2.nComponents);
      expect(Math.abs(two.noiseVariance_ - expected.pca.n2.noiseVariance)).toBeLessThan(1e-6);
      const fraction = new PCA({ nComponents: 0.9 }).fit(X);
      expect(fraction.nComponents_).toBe(expected.pca['n0.9'].nComponents);
      expect(Math.abs(fraction.noiseVariance_ - expected.pca['n0.9'].noiseVariance)).toBeLessThan(1e-6);
    });
  }

  it('inverseTransform of all components gives the data back', () => {
    const X = standardised('vehicle', reference.datasets.vehicle.columns);
    for (const whiten of [false, true]) {
      const pca = new PCA({ whiten }).fit(X);
      expect(maxAbsDiff(pca.inverseTransform(pca.transform(X)).data, X.data)).toBeLessThan(1e-9);
    }
  });
});

describe('KMeans vs scikit-learn (lloyd, same initial centres, n_init = 1)', () => {
  const expected = reference.datasets.vehicle;
  const X = standardised('vehicle', expected.columns);

  for (const run of expected.kmeans.runs as {
    k: number;
    init: number[][];
    inertia: number;
    nIter: number;
    labels: number[];
    centers: number[][];
    silhouette: number;
  }[]) {
    it(`vehicle, k = ${run.k}: inertia within 1 %, same labels and centres`, () => {
      const km = new KMeans({ nClusters: run.k, init: run.init }).fit(X);
      expect(Math.abs(km.inertia_ - run.inertia) / run.inertia).toBeLessThan(0.01);
      // In fact the iterations are scikit-learn's, so the partition and iteration count are the same.
      expect(Array.from(km.labels_)).toEqual(run.labels);
      expect(km.nIter_).toBe(run.nIter);
      run.centers.forEach((row, c) => {
        expect(maxAbsDiff(km.clusterCenters_.row(c), row)).toBeLessThan(1e-9);
      });
      expect(Math.abs(silhouetteScore(X, km.labels_) - run.silhouette)).toBeLessThan(1e-9);
    });
  }

  it('k-means++ (seeded, our generator) lands within the spread of scikit-learn’s k-means++ inertias', () => {
    const sklearn = expected.kmeans.plusPlusInertia as number[];
    const ours = Array.from(
      { length: 10 },
      (_, seed) => new KMeans({ nClusters: 4, randomState: seed }).fit(X).inertia_,
    );
    const best = (values: number[]) => Math.min(...values);
    expect(Math.abs(best(ours) - best(sklearn)) / best(sklearn)).toBeLessThan(0.01);
    expect(Math.max(...ours)).toBeLessThan(Math.max(...sklearn) * 1.05);
  });

  it('the same seed gives the same clustering; another seed may start elsewhere', () => {
    const a = new KMeans({ nClusters: 5, nInit: 3, randomState: 11 }).fit(X);
    const b = new KMeans({ nClusters: 5, nInit: 3, randomState: 11 }).fit(X);
    expect(Array.from(a.labels_)).toEqual(Array.from(b.labels_));
    expect(a.inertia_).toBe(b.inertia_);
    expect(Array.from(a.clusterCenters_.data)).toEqual(Array.from(b.clusterCenters_.data));
  });
});
