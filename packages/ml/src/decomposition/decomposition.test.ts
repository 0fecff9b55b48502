import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { PCA } from './pca';
import { symmetricEigen } from './symmetric-eigen';

describe('symmetricEigen', () => {
  it('gives A v = λ v with orthonormal vectors, values largest first', () => {
    const rng = new Rng(9);
    const p = 7;
    const b = Float64Array.from({ length: p * p }, () => rng.nextFloat() - 0.5);
    const a = new Float64Array(p * p); // A = Bᵀ B is symmetric positive semi-definite
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) a[i * p + j] += b[k * p + i] * b[k * p + j];
    const { values, vectors } = symmetricEigen(a, p);
    for (let k = 1; k < p; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    for (let k = 0; k < p; k++) {
      for (let i = 0; i < p; i++) {
        let av = 0;
        for (let j = 0; j < p; j++) av += a[i * p + j] * vectors[j * p + k];
        expect(Math.abs(av - values[k] * vectors[i * p + k])).toBeLessThan(1e-12);
      }
      for (let l = 0; l < p; l++) {
        let dot = 0;
        for (let i = 0; i < p; i++) dot += vectors[i * p + k] * vectors[i * p + l];
        expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
  });
});

describe('PCA', () => {
  it('with fewer rows than columns keeps min(n, p) components and reconstructs the rows', () => {
    const rng = new Rng(4);
    const X = Matrix.fromRows(
      Array.from({ length: 5 }, () => Array.from({ length: 8 }, () => rng.nextFloat())),
    );
    const pca = new PCA().fit(X);
    expect(pca.nComponents_).toBe(5);
    // Centred, 5 rows span at most 4 directions: the last variance is zero.
    expect(pca.explainedVariance_[4]).toBeLessThan(1e-12);
    const back = pca.inverseTransform(pca.transform(X));
    for (let k = 0; k < X.data.length; k++) expect(Math.abs(back.data[k] - X.data[k])).toBeLessThan(1e-12);
  });

  it('rejects more components than min(n, p) and a single row', () => {
    const X = Matrix.fromRows([
      [1, 2],
      [3, 5],
      [4, 4],
    ]);
    expect(() => new PCA({ nComponents: 3 }).fit(X)).toThrow(/at most min\(nRows, nFeatures\) = 2/);
    expect(() => new PCA().fit(X.takeRows(Int32Array.from([0])))).toThrow(/at least 2 rows/);
    expect(new PCA({ nComponents: 1 }).fit(X).featureNamesOut()).toEqual(['pca0']);
  });
});
