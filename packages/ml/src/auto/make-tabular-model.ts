import { ColumnTransformer, type ColumnTransformerEntry } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { ColumnKind } from '../core/column';
import type { Estimator } from '../core/estimator';
import { DummyClassifier } from '../dummy/dummy-classifier';
import { DummyRegressor } from '../dummy/dummy-regressor';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';
import type { Task } from './detect-task';

export type ModelFamily = 'linear' | 'tree' | 'dummy';

export interface FeatureSpec {
  name: string;
  kind: ColumnKind;
}

export interface TabularModelSpec<T extends Task = Task> {
  task: T;
  family: ModelFamily;
  features: readonly FeatureSpec[];
  /** Parameters of the model step (camelCase, e.g. `{ C: 0.5 }` or `{ maxDepth: 4 }`). */
  params?: Record<string, unknown>;
  randomState?: number;
}

/**
 * The studio's defaults per family:
 * - linear: LogisticRegression (C = 1, maxIter = 500 so one-hot data converges) or Ridge (alpha = 1);
 * - tree: a decision tree with maxDepth = 8 and minSamplesLeaf = 5, which keeps a single tree from memorising
 *   the training rows while leaving room for interactions;
 * - dummy: class priors or the mean, the baseline every model should beat.
 */
function makeModel(task: Task, family: ModelFamily, randomState: number): Estimator {
  const classification = task === 'classification';
  if (family === 'linear')
    return classification ? new LogisticRegression({ maxIter: 500 }) : new Ridge({ alpha: 1.0 });
  if (family === 'tree') {
    const params = { maxDepth: 8, minSamplesLeaf: 5, randomState };
    return classification ? new DecisionTreeClassifier(params) : new DecisionTreeRegressor(params);
  }
  return classification
    ? new DummyClassifier({ strategy: 'prior' })
    : new DummyRegressor({ strategy: 'mean' });
}

/** Numeric columns: median imputation (+ a missing indicator where fit saw gaps), scaled for linear models. */
function numericSteps(family: ModelFamily): Pipeline {
  const impute = new SimpleImputer({ strategy: 'median', addIndicator: true });
  return new Pipeline(
    family === 'linear'
      ? [
          ['impute', impute],
          ['scale', new StandardScaler()],
        ]
      : [['impute', impute]],
  );
}

/** Categorical columns: most-frequent imputation, then one-hot (linear) or ordinal codes (trees). */
function categoricalSteps(family: ModelFamily): Pipeline {
  const encode = family === 'linear' ? new OneHotEncoder({ handleUnknown: 'ignore' }) : new OrdinalEncoder();
  return new Pipeline([
    ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
    ['encode', encode],
  ]);
}

/**
 * A ready-to-fit pipeline for a frame of mixed columns: `prep` (a ColumnTransformer with `num` and `cat`
 * entries) then `model`. Reach inner parameters with dotted paths, e.g. `'model.C'` or `'prep.num.impute.strategy'`.
 */
export function makeTabularModel(spec: TabularModelSpec<'classification'>): Pipeline<Int32Array>;
export function makeTabularModel(spec: TabularModelSpec<'regression'>): Pipeline<Float64Array>;
export function makeTabularModel(spec: TabularModelSpec): Pipeline;
export function makeTabularModel(spec: TabularModelSpec): Pipeline {
  const { task, family, features, params = {}, randomState = 0 } = spec;
  const numeric = features.filter((f) => f.kind === 'numeric').map((f) => f.name);
  const categorical = features.filter((f) => f.kind === 'categorical').map((f) => f.name);
  const entries: ColumnTransformerEntry[] = [];
  if (numeric.length > 0) entries.push(['num', numericSteps(family), numeric]);
  if (categorical.length > 0) entries.push(['cat', categoricalSteps(family), categorical]);
  const model = makeModel(task, family, randomState).setParams(params);
  return new Pipeline([
    ['prep', new ColumnTransformer(entries)],
    ['model', model],
  ]);
}
