import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { Pipeline } from './pipeline';

const X = Matrix.fromRows([
  [1, 100],
  [2, 300],
  [Number.NaN, 200],
  [4, 500],
  [5, 400],
  [6, 600],
]);
const y = Float64Array.from([1, 2, 3, 4, 5, 6]);

describe('Pipeline', () => {
  it('fits each transformer on the output of the previous one', () => {
    const pipe = new Pipeline([
      ['impute', new SimpleImputer({ strategy: 'mean' })],
      ['scale', new StandardScaler()],
      ['model', new Ridge({ alpha: 0.1 })],
    ]).fit(X, y);
    const scaler = pipe.step('scale') as StandardScaler;
    expect(scaler.mean_[0]).toBeCloseTo(3.6, 12); // the mean after imputing NaN with the mean 3.6
    const manual = (pipe.step('model') as Ridge).predict(
      scaler.transform((pipe.step('impute') as SimpleImputer).transform(X)),
    );
    expect(Array.from(pipe.predict(X))).toEqual(Array.from(manual));
  });

  it('exposes the final classifier: classes_, predictProba and estimatorType', () => {
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const pipe = new Pipeline([
      ['impute', new SimpleImputer()],
      ['model', new LogisticRegression()],
    ]).fit(X, labels);
    expect(pipe.estimatorType).toBe('classifier');
    expect(pipe.classes_).toEqual(['0', '1']);
    expect(pipe.predictProba(X).nCols).toBe(2);
  });

  it('refuses predictProba on a regressor and a model in the middle', () => {
    const pipe = new Pipeline([['model', new Ridge()]]).fit(
      Matrix.fromRows([[1], [2]]),
      Float64Array.from([1, 2]),
    );
    expect(() => pipe.predictProba(Matrix.fromRows([[1]]))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }),
    );
    const bad = new Pipeline([
      ['model', new Ridge()],
      ['scale', new StandardScaler()],
    ]);
    expect(() => bad.fit(X, y)).toThrow(/not a transformer/);
  });

  it('replaces a step by name and skips passthrough steps', () => {
    const pipe = new Pipeline([
      ['impute', new SimpleImputer()],
      ['scale', 'passthrough'],
      ['model', new Ridge()],
    ]);
    pipe.setParams({ model: new Ridge({ alpha: 50 }) });
    pipe.fit(X, y);
    expect((pipe.step('model') as Ridge).params.alpha).toBe(50);
    expect(pipe.stepNames()).toEqual(['impute', 'scale', 'model']);
  });

  it('reports progress from 0 to 1 across its steps', () => {
    const seen: number[] = [];
    new Pipeline([
      ['impute', new SimpleImputer()],
      ['model', new LogisticRegression()],
    ]).fit(X, Int32Array.from([0, 1, 0, 1, 0, 1]), { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f >= seen[k - 1])).toBe(true);
  });
});
