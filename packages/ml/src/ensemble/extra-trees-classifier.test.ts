import { describe, expect, it } from 'vitest';
import { accuracyScore } from '../metrics/accuracy-score';
import { ExtraTreesClassifier } from './extra-trees-classifier';
import {
  forestData,
  IMPORTANCE_TOLERANCE,
  meanOverSeeds,
  forestReference as ref,
  SCORE_TOLERANCE,
} from './forest-test-data';
import { RandomForestClassifier } from './random-forest-classifier';

const { X, y, XTest, yTest } = forestData.classification;

describe('ExtraTreesClassifier vs scikit-learn (statistical, see forest-test-data.ts)', () => {
  const models = [0, 1, 2].map((seed) => new ExtraTreesClassifier({ randomState: seed }).fit(X, y));

  it('has the defaults of scikit-learn >= 1.1', () => {
    expect(models[0].params).toMatchObject({ nEstimators: 100, maxFeatures: 'sqrt', bootstrap: false });
  });

  it('scores like scikit-learn on held-out rows and finds the same importances', () => {
    const accuracy = meanOverSeeds([0, 1, 2], (s) => accuracyScore(yTest, models[s].predict(XTest)));
    expect(Math.abs(accuracy - ref.extraTreesClassifier.mean)).toBeLessThan(SCORE_TOLERANCE);
    ref.extraTreesClassifier.importances.forEach((expected, j) => {
      expect(Math.abs(models[0].featureImportances_[j] - expected)).toBeLessThan(IMPORTANCE_TOLERANCE);
    });
  });
});

describe('ExtraTreesClassifier', () => {
  it('splits at random thresholds: its trees differ from exact ones and fit the training rows perfectly', () => {
    const et = new ExtraTreesClassifier({ nEstimators: 5, randomState: 0 }).fit(X, y);
    const rf = new RandomForestClassifier({ nEstimators: 5, bootstrap: false, randomState: 0 }).fit(X, y);
    // An exact split sits halfway between the two training values around it; a random one almost never does.
    const isMidpoint = (t: number, f: number) => {
      const column = Array.from(X.column(f));
      const below = Math.max(...column.filter((v) => v <= t));
      const above = Math.min(...column.filter((v) => v > t));
      return t === below / 2 + above / 2;
    };
    const internal = Array.from(et.feature_.keys())
      .filter((node) => et.feature_[node] >= 0)
      .slice(0, 30);
    expect(internal.filter((node) => isMidpoint(et.threshold_[node], et.feature_[node])).length).toBe(0);
    // The root of a tree without bootstrap sees every row, so its exact threshold is such a midpoint.
    expect(isMidpoint(rf.threshold_[0], rf.feature_[0])).toBe(true);
    // Fully grown on all rows: every training row lands in a pure leaf of its own class.
    expect(accuracyScore(y, et.predict(X))).toBe(1);
  });

  it('can bootstrap and score out of bag when asked', () => {
    const model = new ExtraTreesClassifier({ nEstimators: 30, bootstrap: true, oobScore: true }).fit(X, y);
    expect(model.oobScore_).toBeGreaterThan(0.85);
  });
});
