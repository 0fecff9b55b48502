import { ColumnTransformer, type ColumnTransformerEntry } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { ColumnKind } from '../core/column';
import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import type { Transformer } from '../core/roles';
import { DummyClassifier } from '../dummy/dummy-classifier';
import { DummyRegressor } from '../dummy/dummy-regressor';
import { ExtraTreesClassifier } from '../ensemble/extra-trees-classifier';
import { ExtraTreesRegressor } from '../ensemble/extra-trees-regressor';
import { HistGradientBoostingClassifier } from '../ensemble/hist-gradient-boosting/hist-gradient-boosting-classifier';
import { HistGradientBoostingRegressor } from '../ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
import { RandomForestClassifier } from '../ensemble/random-forest-classifier';
import { RandomForestRegressor } from '../ensemble/random-forest-regressor';
import { VotingClassifier } from '../ensemble/voting-classifier';
import { VotingRegressor } from '../ensemble/voting-regressor';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { GaussianNB } from '../naive-bayes/gaussian-nb';
import { KNeighborsClassifier } from '../neighbors/k-neighbors-classifier';
import { KNeighborsRegressor } from '../neighbors/k-neighbors-regressor';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { NMF } from '../text/nmf';
import { TfidfVectorizer } from '../text/tfidf-vectorizer';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';
import type { Task } from './detect-task';

/** Model families the studio offers (`nb` is classification only). */
export const MODEL_FAMILIES = [
  'linear',
  'tree',
  'forest',
  'extra_trees',
  'gbdt',
  'knn',
  'nb',
  'dummy',
  'ensemble',
] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

export interface FeatureSpec {
  name: string;
  kind: ColumnKind;
  /** Number of levels of a categorical column; above 255, gradient boosting reads its codes as numbers. */
  cardinality?: number;
  /** A categorical column holding free text (its levels are the documents): read as words, not as categories. */
  text?: boolean;
}

/** Topics each text column becomes for models that take dense numbers (everything but logistic regression). */
export const TEXT_TOPICS = 10;

/**
 * Text columns: TF-IDF (English stop words; a term in ≥ 2 documents and ≤ 95% of them; at most 20 000 terms;
 * sublinear term frequency). Logistic regression reads the sparse weights directly; every other model gets the
 * TEXT_TOPICS NMF topic weights of each document, a dense summary trees and distances can use.
 */
function textSteps(family: ModelFamily, task: Task, randomState: number): Transformer {
  const tfidf = new TfidfVectorizer({
    stopWords: 'english',
    minDf: 2,
    maxDf: 0.95,
    maxFeatures: 20_000,
    sublinearTf: true,
  });
  if (family === 'linear' && task === 'classification') return tfidf;
  return new Pipeline([
    ['tfidf', tfidf],
    ['topics', new NMF({ nComponents: TEXT_TOPICS, randomState })],
  ]) as unknown as Transformer;
}

/** Categories gradient boosting can split natively (its bins); more are read as ordinal numbers. */
const NATIVE_CATEGORY_LIMIT = 255;
/** Families that need scaled numbers and one-hot categories (distances, gradients, Gaussian likelihoods). */
const SCALED: readonly ModelFamily[] = ['linear', 'knn', 'nb'];

export interface TabularModelSpec<T extends Task = Task> {
  task: T;
  family: ModelFamily;
  features: readonly FeatureSpec[];
  /** Parameters of the model step (camelCase, e.g. `{ C: 0.5 }` or `{ maxDepth: 4 }`). */
  params?: Record<string, unknown>;
  /** With family 'ensemble': the member families and their weights (a soft-voting / averaging ensemble). */
  members?: readonly { family: Exclude<ModelFamily, 'ensemble'>; weight: number }[];
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
  switch (family) {
    case 'linear':
      return classification ? new LogisticRegression({ maxIter: 500 }) : new Ridge({ alpha: 1.0 });
    case 'tree': {
      const params = { maxDepth: 8, minSamplesLeaf: 5, randomState };
      return classification ? new DecisionTreeClassifier(params) : new DecisionTreeRegressor(params);
    }
    case 'forest':
      return classification
        ? new RandomForestClassifier({ randomState })
        : new RandomForestRegressor({ randomState });
    case 'extra_trees':
      return classification
        ? new ExtraTreesClassifier({ randomState })
        : new ExtraTreesRegressor({ randomState });
    case 'gbdt':
      // scikit-learn's defaults; early stopping on (10% validation) above 10 000 rows, as its 'auto' does.
      return classification
        ? new HistGradientBoostingClassifier({ randomState })
        : new HistGradientBoostingRegressor({ randomState });
    case 'knn':
      return classification ? new KNeighborsClassifier() : new KNeighborsRegressor();
    case 'nb':
      if (!classification) {
        throw new MlError(
          'INVALID_PARAMETER',
          "Naive Bayes ('nb') is a classifier; for a regression target pick another family.",
        );
      }
      return new GaussianNB();
    default:
      return classification
        ? new DummyClassifier({ strategy: 'prior' })
        : new DummyRegressor({ strategy: 'mean' });
  }
}

/** Numeric columns: median imputation (+ a missing indicator where fit saw gaps), scaled for linear models. */
function numericSteps(family: ModelFamily): Pipeline {
  const impute = new SimpleImputer({ strategy: 'median', addIndicator: true });
  return new Pipeline(
    SCALED.includes(family)
      ? [
          ['impute', impute],
          ['scale', new StandardScaler()],
        ]
      : [['impute', impute]],
  );
}

/** Categorical columns: most-frequent imputation, then one-hot (linear) or ordinal codes (trees). */
function categoricalSteps(family: ModelFamily): Pipeline {
  const encode = SCALED.includes(family)
    ? new OneHotEncoder({ handleUnknown: 'ignore' })
    : new OrdinalEncoder();
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
  if (family === 'ensemble') return makeEnsemble(spec);
  const numeric = features.filter((f) => f.kind === 'numeric').map((f) => f.name);
  const categories = features.filter((f) => f.kind === 'categorical' && f.text !== true);
  const categorical = categories.map((f) => f.name);
  const texts = features.filter((f) => f.kind === 'categorical' && f.text === true);
  const entries: ColumnTransformerEntry[] = [];
  const model = makeModel(task, family, randomState);
  // One entry per text column (a vectorizer reads exactly one), named after its position: `text0`, `text1`, …
  const textEntries: ColumnTransformerEntry[] = texts.map((f, k) => [
    `text${k}`,
    textSteps(family, task, randomState),
    [f.name],
  ]);
  if (family === 'gbdt') {
    // Gradient boosting bins numbers itself and learns where missing values go, so numbers pass through;
    // categories become codes it splits natively (unknown at predict time → missing).
    const native = categories.filter((f) => (f.cardinality ?? 0) <= NATIVE_CATEGORY_LIMIT);
    const wide = categories.filter((f) => (f.cardinality ?? 0) > NATIVE_CATEGORY_LIMIT);
    if (numeric.length > 0) entries.push(['num', 'passthrough', numeric]);
    if (wide.length > 0) entries.push(['wide', new OrdinalEncoder(), wide.map((f) => f.name)]);
    entries.push(...textEntries);
    if (native.length > 0) entries.push(['cat', new OrdinalEncoder(), native.map((f) => f.name)]);
    const first = numeric.length + wide.length + TEXT_TOPICS * texts.length;
    model.setParams({ categoricalFeatures: native.map((_, k) => first + k) });
  } else {
    if (numeric.length > 0) entries.push(['num', numericSteps(family), numeric]);
    if (categorical.length > 0) entries.push(['cat', categoricalSteps(family), categorical]);
    entries.push(...textEntries);
  }
  model.setParams(params);
  return new Pipeline([
    ['prep', new ColumnTransformer(entries)],
    ['model', model],
  ]);
}

/**
 * An ensemble of whole pipelines (each with its own preprocessing), averaged with weights: soft voting for
 * classification, the weighted mean for regression. Wrapped in a one-step pipeline so it is used like any model.
 */
function makeEnsemble(spec: TabularModelSpec): Pipeline {
  const members = spec.members ?? [];
  if (members.length === 0) {
    throw new MlError(
      'INVALID_PARAMETER',
      "An 'ensemble' model needs members: give { family, weight } for each.",
    );
  }
  const estimators: [string, Estimator][] = members.map((m) => [
    m.family,
    makeTabularModel({ ...spec, family: m.family, members: undefined }),
  ]);
  const weights = members.map((m) => m.weight);
  const voting =
    spec.task === 'classification'
      ? new VotingClassifier({ estimators, weights })
      : new VotingRegressor({ estimators, weights });
  return new Pipeline([['model', voting]]);
}
