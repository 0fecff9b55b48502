import { DecisionTreeClassifier, Matrix, rocAucScore, StratifiedKFold } from '@quarry/ml';
import { bestDepth, type DepthPoint, MAX_DEPTH } from './constants';
import { churnFeatures, sampleRows, take, takeLabels01 } from './lab-data';

export { bestDepth, type DepthPoint, MAX_DEPTH };

let curve: DepthPoint[] | undefined;

/**
 * The tuning lesson: a decision tree's `maxDepth` against 3-fold cross-validated ROC AUC on 2 000 churn customers.
 * Training scores keep rising with depth (the tree memorises), validation peaks at a modest depth and then falls:
 * the best setting is the one chosen on validation folds, never on the training score or the final test set.
 */
export function depthCurve(): DepthPoint[] {
  if (curve) return curve;
  const { columns, y: allY } = churnFeatures();
  const rows = sampleRows(allY.length, 2000, 3);
  const X = Matrix.fromColumns(
    columns.map((col) => take(col, rows)),
    rows.length,
  );
  const y = takeLabels01(allY, rows);
  const folds = new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 0 }).split(y.length, y);
  const auc = (tree: DecisionTreeClassifier, idx: Int32Array) =>
    rocAucScore(takeLabels01(y, idx), tree.predictProba(X.takeRows(idx)).column(1));
  curve = Array.from({ length: MAX_DEPTH }, (_, d) => {
    let train = 0;
    let validation = 0;
    for (const fold of folds) {
      const tree = new DecisionTreeClassifier({ maxDepth: d + 1, minSamplesLeaf: 2, randomState: 0 }).fit(
        X.takeRows(fold.train),
        takeLabels01(y, fold.train),
      );
      train += auc(tree, fold.train) / folds.length;
      validation += auc(tree, fold.test) / folds.length;
    }
    return { depth: d + 1, train, validation };
  });
  return curve;
}
