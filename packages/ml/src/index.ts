// @quarry/ml — the public API. This file only re-exports.

// auto: the studio's entry points
export {
  type CandidateFamily,
  chooseFamily,
  type FamilyChoice,
  selectionFolds,
  selectionScore,
} from './auto/choose-family';
export { classIndices } from './auto/class-indices';
export { type ColumnType, detectTask, type Task, type TaskDetection } from './auto/detect-task';
export {
  type FeatureSpec,
  type ModelFamily,
  makeTabularModel,
  type TabularModelSpec,
} from './auto/make-tabular-model';
// compose
export {
  ColumnTransformer,
  type ColumnTransformerEntry,
  type ColumnTransformerParams,
} from './compose/column-transformer';
export { Pipeline, type PipelineParams, type PipelineStep } from './compose/pipeline';
// core
export { argmaxRows } from './core/argmax-rows';
export { BaseTransformer } from './core/base-transformer';
export { classSampleWeights } from './core/class-weight';
export { clone } from './core/clone';
export {
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  categoricalColumn,
  type NumericColumn,
  numericColumn,
  takeColumn,
} from './core/column';
export { isMlError, ML_ERROR_CODES, MlError, type MlErrorCode, NotFittedError } from './core/errors';
export { Estimator, type EstimatorClass, type EstimatorType } from './core/estimator';
export {
  type AbortSignalLike,
  type FitOptions,
  type ProgressCallback,
  subTaskOptions,
  throwIfAborted,
} from './core/fit-options';
export { Frame, type RecordValue } from './core/frame';
export { isLabels, type Labels, labelValues, takeLabels, toLabels } from './core/labels';
export { Matrix } from './core/matrix';
export {
  type Constraint,
  describeConstraint,
  invalidParameterMessage,
  type ParamConstraints,
  validateParams,
} from './core/params';
export { Rng } from './core/rng';
export {
  type Classifier,
  type ClassTarget,
  isClassifier,
  isRegressor,
  isTransformer,
  type Regressor,
  type Tabular,
  type Target,
  type Transformer,
} from './core/roles';
export type { StateSchema, StateType } from './core/state';
// dummy
export { DummyClassifier, type DummyClassifierParams } from './dummy/dummy-classifier';
export { DummyRegressor, type DummyRegressorParams } from './dummy/dummy-regressor';
// linear-model
export { LinearRegression, type LinearRegressionParams } from './linear-model/linear-regression';
export { LogisticRegression, type LogisticRegressionParams } from './linear-model/logistic-regression';
export { Ridge, type RidgeParams } from './linear-model/ridge';
// metrics
export { accuracyScore } from './metrics/accuracy-score';
export { balancedAccuracyScore } from './metrics/balanced-accuracy-score';
export { confusionMatrix } from './metrics/confusion-matrix';
export { logLoss } from './metrics/log-loss';
export { meanAbsoluteError } from './metrics/mean-absolute-error';
export { meanSquaredError } from './metrics/mean-squared-error';
export { r2Score } from './metrics/r2-score';
export { rocAucOvr } from './metrics/roc-auc-ovr';
export { rocAucScore } from './metrics/roc-auc-score';
export { rootMeanSquaredError } from './metrics/root-mean-squared-error';
// model-selection
export { crossValScore, type Scorer } from './model-selection/cross-val-score';
export type { Fold } from './model-selection/fold';
export { KFold, type KFoldOptions } from './model-selection/k-fold';
export { StratifiedKFold } from './model-selection/stratified-k-fold';
export { takeRows, takeTarget } from './model-selection/take-rows';
export { type TrainTestSplitOptions, trainTestSplit } from './model-selection/train-test-split';
// optimize
export { type LbfgsOptions, type LbfgsResult, minimizeLbfgs, type Objective } from './optimize/lbfgs';
// preprocessing
export { OneHotEncoder, type OneHotEncoderParams } from './preprocessing/one-hot-encoder';
export { OrdinalEncoder, type OrdinalEncoderParams } from './preprocessing/ordinal-encoder';
export { SimpleImputer, type SimpleImputerParams } from './preprocessing/simple-imputer';
export { StandardScaler, type StandardScalerParams } from './preprocessing/standard-scaler';
// serialization
export { fromJSON } from './serialization/from-json';
export { MODEL_FORMAT, MODEL_VERSION, type ModelJson } from './serialization/model-json';
export { ESTIMATOR_REGISTRY } from './serialization/registry';
export type { Json } from './serialization/tagged-json';
export { toJSON } from './serialization/to-json';
// testing: the shared contract suite, for estimators written in other packages too
export { type CheckEstimatorOptions, checkEstimator, type EstimatorCheck } from './testing/check-estimator';
export { ContractViolation } from './testing/contract-assertions';
export {
  CONTRACT_FEATURES,
  type ContractData,
  type ContractInput,
  type ContractTask,
  contractData,
} from './testing/contract-data';
// tree
export { DecisionTreeClassifier, type DecisionTreeClassifierParams } from './tree/decision-tree-classifier';
export { DecisionTreeRegressor, type DecisionTreeRegressorParams } from './tree/decision-tree-regressor';
export type { MaxFeatures, TreeParams } from './tree/tree-params';
