import { describe, expect, it } from 'vitest';
import { Pipeline } from '../compose/pipeline';
import { Matrix } from '../core/matrix';
import type { Tabular, Target } from '../core/roles';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { reference } from './fixtures/grid-search';
import type { Fold } from './fold';
import { GridSearchCV } from './grid-search-cv';
import { GroupKFold } from './group-k-fold';
import { getScorer, type ScorableEstimator } from './scorers';

const X = Matrix.fromRows(reference.X);
const yClass = Int32Array.from(reference.yClass);
const yReg = Float64Array.from(reference.yReg);
const folds = (list: { train: number[]; test: number[] }[]): Fold[] =>
  list.map((f) => ({ train: Int32Array.from(f.train), test: Int32Array.from(f.test) }));

describe('GridSearchCV vs scikit-learn on the same folds', () => {
  // Leaves of ≥ 6 rows: scikit-learn's result does not depend on the tree's random_state here (smaller leaves
  // give equally good splits that it breaks by a random feature order, which no other implementation reproduces).
  it('ranks a scaler + tree pipeline grid identically (ties included), with identical accuracies', () => {
    const expected = reference.tree;
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['model', new DecisionTreeClassifier()],
    ]);
    const search = new GridSearchCV(pipe, {
      paramGrid: { 'model.maxDepth': [1, 2, 3, 4, null], 'model.minSamplesLeaf': [6, 10, 15] },
      cv: folds(reference.treeFolds),
      scoring: 'accuracy',
      returnTrainScore: true,
    }).fit(X, yClass);
    const r = search.cvResults_;
    // Same candidate order as scikit-learn's ParameterGrid (names sorted, the last varying fastest).
    expect(r.params.map((p) => [p['model.maxDepth'], p['model.minSamplesLeaf']])).toEqual(
      expected.params.map((p) => [p.model__max_depth, p.model__min_samples_leaf]),
    );
    // Accuracies are counts over the same test rows, so equal exactly, and so are their means and ranks.
    expect(r.splitTestScores).toEqual(expected.splitTestScores);
    expect(r.meanTestScore).toEqual(expected.meanTestScore);
    expect(r.stdTestScore).toEqual(expected.stdTestScore);
    expect(r.rankTestScore).toEqual(expected.rankTestScore);
    expect(r.meanTrainScore).toEqual(expected.meanTrainScore);
    expect(search.bestIndex_).toBe(expected.bestIndex);
    expect(search.bestScore_).toBe(expected.bestScore);
    expect(search.bestParams_).toEqual(r.params[expected.bestIndex]);
  });

  it('ranks a Ridge grid (alpha × fitIntercept) identically, scores within 1e-10', () => {
    const expected = reference.ridge;
    const search = new GridSearchCV(new Ridge(), {
      paramGrid: { alpha: [0.01, 1.0, 30.0, 300.0, 3000.0], fitIntercept: [true, false] },
      cv: folds(reference.ridgeFolds),
      scoring: 'neg_mean_squared_error',
    }).fit(X, yReg);
    const r = search.cvResults_;
    expect(r.rankTestScore).toEqual(expected.rankTestScore);
    // Both solve the same normal equations (Cholesky), in a different operation order: ~1e-13 relative.
    r.meanTestScore.forEach((m, c) => {
      expect(Math.abs(m - expected.meanTestScore[c])).toBeLessThan(1e-10);
    });
    expect(search.bestIndex_).toBe(expected.bestIndex);
    expect((search.bestEstimator_ as Ridge).params.alpha).toBe(r.params[expected.bestIndex].alpha);
  });
});

describe('GridSearchCV', () => {
  const Xs = Matrix.fromRows(reference.X.slice(0, 60));
  const ys = yClass.slice(0, 60);

  it('reports progress per candidate × fold, then the refit, ending at 1', () => {
    const seen: [number, string | undefined][] = [];
    new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [0.1, 1] }, cv: 3 }).fit(Xs, ys, {
      onProgress: (fraction, message) => seen.push([fraction, message]),
    });
    const messages = new Set(seen.map(([, m]) => m?.split(':')[0]));
    expect([...messages].filter((m) => m?.startsWith('candidate')).length).toBe(6);
    expect(messages.has('refit')).toBe(true);
    expect(seen[seen.length - 1][0]).toBe(1);
    expect(seen.every(([f], k) => k === 0 || f >= seen[k - 1][0])).toBe(true);
  });

  it('stops between fits when the signal is aborted', () => {
    let fits = 0;
    const signal = { aborted: false };
    const search = new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [0.1, 1, 10] }, cv: 3 });
    expect(() =>
      search.fit(Xs, ys, {
        signal,
        onProgress: (_, message) => {
          if (message?.startsWith('candidate 1/3, fold 2/3') && ++fits === 1) signal.aborted = true;
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(search.isFitted).toBe(false);
  });

  it('scores several metrics, refits on the named one, and ranks failed candidates last', () => {
    // A scorer that fails for one candidate: its folds score NaN (errorScore) and it ranks last.
    const picky = (e: ScorableEstimator, X: Tabular, y: Target) => {
      if ((e as LogisticRegression).params.C === 10) throw new Error('no');
      return getScorer('accuracy')(e, X, y);
    };
    const search = new GridSearchCV(new LogisticRegression(), {
      paramGrid: { C: [10, 1] },
      cv: 3,
      scoring: { picky, neg_log_loss: 'neg_log_loss' },
      refit: 'picky',
    }).fit(Xs, ys);
    const { scores, primary } = search.cvResults_;
    expect(primary).toBe('picky');
    expect(Number.isNaN(scores.picky.meanTestScore[0])).toBe(true);
    expect(scores.picky.rankTestScore).toEqual([2, 1]);
    expect(search.bestParams_).toEqual({ C: 1 });
    expect(search.score(Xs, ys)).toBeGreaterThan(0.7);
    const failing = {
      picky: () => {
        throw new Error('never');
      },
    };
    expect(() =>
      new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [1] }, cv: 3, scoring: failing }).fit(
        Xs,
        ys,
      ),
    ).toThrow(/All 3 fits failed. The first error: never/);
  });

  it('rejects unknown names and invalid values (nested ones too) before fitting, and a refit metric not in scoring', () => {
    expect(() =>
      new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [1, -1] }, cv: 3 }).fit(Xs, ys),
    ).toThrow("The 'C' parameter of LogisticRegression must be a float in (0, Infinity). Got -1.");
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['model', new Ridge()],
    ]);
    expect(() => new GridSearchCV(pipe, { paramGrid: { 'model.alpha': [-2] } }).fit(X, yReg)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() => new GridSearchCV(new Ridge(), { paramGrid: { alhpa: [1] } }).fit(X, yReg)).toThrow(
      /Ridge has no parameter 'alhpa'/,
    );
    expect(() =>
      new GridSearchCV(new Ridge(), { paramGrid: { alpha: [1] }, scoring: 'r2', refit: 'neg_log_loss' }).fit(
        X,
        yReg,
      ),
    ).toThrow(/not in scoring/);
  });

  it('passes groups to a group splitter and keeps groups out of their own training folds', () => {
    const groups = Int32Array.from({ length: 90 }, (_, i) => i % 9);
    const search = new GridSearchCV(new Ridge(), {
      paramGrid: { alpha: [1, 10] },
      cv: new GroupKFold({ nSplits: 3 }),
      returnTrainScore: true,
    }).fit(X, yReg, { groups });
    expect(search.nSplits_).toBe(3);
    expect(search.cvResults_.splitTestScores[0].length).toBe(3);
  });

  it('saves and loads a fitted search that predicts identically; refit false keeps no estimator', () => {
    const search = new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [0.1, 1] }, cv: 3 }).fit(
      Xs,
      ys,
    );
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(search)))) as GridSearchCV;
    expect(Array.from(loaded.predictProba(Xs).data)).toEqual(Array.from(search.predictProba(Xs).data));
    expect(loaded.cvResults_).toEqual(search.cvResults_);
    const noRefit = new GridSearchCV(new LogisticRegression(), {
      paramGrid: { C: [1] },
      cv: 3,
      refit: false,
    }).fit(Xs, ys);
    expect(noRefit.bestEstimator_).toBeNull();
    expect(() => noRefit.predict(Xs)).toThrow(/refit false/);
  });
});
