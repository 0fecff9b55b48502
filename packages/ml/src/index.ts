// @quarry/ml — the public API. This file only re-exports.

// anomaly: four detectors and a voting ensemble with per-row reasons
export {
  AnomalyEnsemble,
  type AnomalyEnsembleParams,
  type AnomalyExplanation,
  DETECTOR_NAMES,
  type DetectorName,
  type FeatureReason,
} from './anomaly/anomaly-ensemble';
export { BaseDetector, type Contamination, type DetectorParams } from './anomaly/base-detector';
export { chi2Cdf, chi2Quantile } from './anomaly/chi2';
export { fastMcd, type McdOptions, type McdResult } from './anomaly/fast-mcd';
export { IsolationForest, type IsolationForestParams } from './anomaly/isolation-forest';
export { LocalOutlierFactor, type LocalOutlierFactorParams } from './anomaly/local-outlier-factor';
export { MahalanobisDetector, type MahalanobisDetectorParams } from './anomaly/mahalanobis-detector';
export { RobustZScore, type RobustZScoreParams } from './anomaly/robust-z-score';
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
  MODEL_FAMILIES,
  type ModelFamily,
  makeTabularModel,
  type TabularModelSpec,
} from './auto/make-tabular-model';
export type { CalibratedPair, Calibrator } from './calibration/calibrated-classifier';
// calibration
export {
  CalibratedClassifierCV,
  type CalibratedClassifierCVParams,
} from './calibration/calibrated-classifier-cv';
export {
  type IsotonicFitOptions,
  IsotonicRegression,
  type IsotonicRegressionParams,
} from './calibration/isotonic-regression';
export { type IsotonicOptions, isotonicRegression } from './calibration/pool-adjacent-violators';
export { type SigmoidParams, sigmoidCalibration } from './calibration/sigmoid-calibration';
// cluster
export { type ElbowPoint, elbowCurve } from './cluster/elbow';
export { KMeans, type KMeansParams } from './cluster/kmeans';
// compose
export {
  ColumnTransformer,
  type ColumnTransformerEntry,
  type ColumnTransformerParams,
} from './compose/column-transformer';
export { Pipeline, type PipelineParams, type PipelineStep } from './compose/pipeline';
// conformal: intervals and prediction sets with a stated coverage
export {
  classificationScores,
  clipSpread,
  conformalQuantile,
  cvPlusIntervals,
  intervalCoverage,
  predictionSets,
  regressionScores,
  setCoverage,
  spreadFloor,
  symmetricIntervals,
} from './conformal/conformal';
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
export { linspace } from './core/linspace';
export { Matrix } from './core/matrix';
export { pairwiseSum } from './core/pairwise-sum';
export { type ParallelKernel, type ParallelTeam, partBounds } from './core/parallel';
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
export { nanMedian } from './core/statistics';
export { WorkingMemory, workingMemory } from './core/working-memory';
// decomposition
export { PCA, type PCAParams } from './decomposition/pca';
export { type SymmetricEigen, symmetricEigen } from './decomposition/symmetric-eigen';
// dummy
export { DummyClassifier, type DummyClassifierParams } from './dummy/dummy-classifier';
export { DummyRegressor, type DummyRegressorParams } from './dummy/dummy-regressor';
// ensemble
export type { ForestBatch } from './ensemble/base-forest';
export { BaseVoting, type VotingMember, type VotingParams } from './ensemble/base-voting';
export { ExtraTreesClassifier, type ExtraTreesClassifierParams } from './ensemble/extra-trees-classifier';
export { ExtraTreesRegressor, type ExtraTreesRegressorParams } from './ensemble/extra-trees-regressor';
export type { ForestClassifierParams } from './ensemble/forest-classifier';
export type { ForestParams } from './ensemble/forest-params';
export type { ForestRegressorParams } from './ensemble/forest-regressor';
export type { ForestTree } from './ensemble/forest-tree';
export type { HgbFitOptions } from './ensemble/hist-gradient-boosting/base-hist-gradient-boosting';
export {
  HistGradientBoostingClassifier,
  type HistGradientBoostingClassifierParams,
} from './ensemble/hist-gradient-boosting/hist-gradient-boosting-classifier';
export {
  HistGradientBoostingRegressor,
  type HistGradientBoostingRegressorParams,
} from './ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
export type { HistGradientBoostingParams } from './ensemble/hist-gradient-boosting/params';
export type { CategoricalFeatures } from './ensemble/hist-gradient-boosting/tabular-input';
export {
  RandomForestClassifier,
  type RandomForestClassifierParams,
} from './ensemble/random-forest-classifier';
export { RandomForestRegressor, type RandomForestRegressorParams } from './ensemble/random-forest-regressor';
export { VotingClassifier } from './ensemble/voting-classifier';
export { VotingRegressor } from './ensemble/voting-regressor';
// forecasting
export { acf } from './forecasting/acf';
export { AutoARIMA, type AutoArimaParams } from './forecasting/auto-arima';
export {
  type BacktestFold,
  type BacktestOptions,
  type BacktestResult,
  backtest,
} from './forecasting/backtest';
export { type ClassicalDecomposition, classicalDecomposition } from './forecasting/classical-decomposition';
export { CombinationForecaster, type CombinationParams } from './forecasting/combination-forecaster';
export {
  conformalIntervals,
  empiricalCoverage,
  withConformalIntervals,
} from './forecasting/conformal-intervals';
export { DampedHolt } from './forecasting/damped-holt';
export { ETS, type EtsParams } from './forecasting/ets';
export {
  BaseForecaster,
  DEFAULT_LEVELS,
  type Forecast,
  type Forecaster,
  type ForecasterFactory,
  type ForecastFitOptions,
  type PredictOptions,
} from './forecasting/forecaster';
export { FORECASTER_CLASSES } from './forecasting/forecaster-classes';
export { AutoPanelForecaster, type AutoPanelParams } from './forecasting/global-auto-forecaster';
export { PANEL_CANDIDATES, type PanelCandidate } from './forecasting/global-candidates';
export {
  GlobalGbdtForecaster,
  type GlobalGbdtParams,
  type PanelFitOptions,
} from './forecasting/global-gbdt-forecaster';
export { GbdtSeriesForecaster, type GbdtSeriesParams } from './forecasting/global-gbdt-series';
export { Holt } from './forecasting/holt';
export { type HorizonErrors, horizonErrors } from './forecasting/horizon-errors';
export { type FrequencyUnit, type InferredFrequency, inferFrequency } from './forecasting/infer-frequency';
export { m4SeasonalAdjustment, type SeasonalAdjustment } from './forecasting/m4-seasonal-adjustment';
export { mase, maseScale } from './forecasting/mase';
export { type MstlResult, mstl, seasonalStrength } from './forecasting/mstl';
export { Naive, type NaiveParams } from './forecasting/naive';
export { Naive2 } from './forecasting/naive2';
export { OptimizedTheta, type OptimizedThetaParams } from './forecasting/optimized-theta';
export { owa } from './forecasting/owa';
export {
  type ForecastFold,
  type RollingOriginOptions,
  rollingOriginFolds,
} from './forecasting/rolling-origin-folds';
export { SeasonalNaive } from './forecasting/seasonal-naive';
export { seasonalityTest } from './forecasting/seasonality-test';
export { SimpleExpSmoothing } from './forecasting/simple-exp-smoothing';
export { smape } from './forecasting/smape';
export { type StlOptions, type StlResult, stl } from './forecasting/stl';
export { STLForecaster, type StlForecasterParams } from './forecasting/stl-forecaster';
export { Theta, type ThetaParams } from './forecasting/theta';
export { parseWideSeries, type WideSeries } from './forecasting/wide-format';
// inspection
export {
  type PartialDependence,
  type PartialDependenceOptions,
  partialDependence,
} from './inspection/partial-dependence';
export {
  type PermutationImportance,
  type PermutationImportanceOptions,
  permutationImportance,
} from './inspection/permutation-importance';
// linalg
export { CsrMatrix } from './linalg/csr-matrix';
export { acceptsSparse, hstackSparse, isSparseOutput, type SparseOutput } from './linalg/sparse-roles';
// linear-model
export { LinearRegression, type LinearRegressionParams } from './linear-model/linear-regression';
export { LogisticRegression, type LogisticRegressionParams } from './linear-model/logistic-regression';
export { Ridge, type RidgeParams } from './linear-model/ridge';
// metrics
export { accuracyScore } from './metrics/accuracy-score';
export { averagePrecisionScore } from './metrics/average-precision-score';
export { balancedAccuracyScore } from './metrics/balanced-accuracy-score';
export type { BinaryCurveOptions } from './metrics/binary-clf-curve';
export { type BrierScoreOptions, brierScoreLoss } from './metrics/brier-score-loss';
export {
  type CalibrationCurve,
  type CalibrationCurveOptions,
  calibrationCurve,
} from './metrics/calibration-curve';
export {
  type ClassificationReport,
  type ClassificationReportOptions,
  type ClassReportRow,
  classificationReport,
  type ReportRow,
} from './metrics/classification-report';
export { confusionMatrix } from './metrics/confusion-matrix';
export { f1Score } from './metrics/f1-score';
export { fbetaScore } from './metrics/fbeta-score';
export { logLoss } from './metrics/log-loss';
export { meanAbsoluteError } from './metrics/mean-absolute-error';
export { meanAbsolutePercentageError } from './metrics/mean-absolute-percentage-error';
export { meanSquaredError } from './metrics/mean-squared-error';
export { medianAbsoluteError } from './metrics/median-absolute-error';
export { type PrecisionRecallCurve, precisionRecallCurve } from './metrics/precision-recall-curve';
export {
  type Average,
  type PerLabel,
  type PrfOptions,
  type PrfsOptions,
  type PrfsResult,
  precisionRecallFscoreSupport,
} from './metrics/precision-recall-fscore-support';
export { precisionScore } from './metrics/precision-score';
export { r2Score } from './metrics/r2-score';
export { recallScore } from './metrics/recall-score';
export { rocAucOvr } from './metrics/roc-auc-ovr';
export { rocAucScore } from './metrics/roc-auc-score';
export { type RocCurve, type RocCurveOptions, rocCurve } from './metrics/roc-curve';
export { rootMeanSquaredError } from './metrics/root-mean-squared-error';
export {
  pairwiseDistances,
  type SilhouetteOptions,
  silhouetteFromDistances,
  silhouetteRows,
  silhouetteScore,
} from './metrics/silhouette-score';
// model-selection
export {
  BaseSearchCV,
  type BaseSearchParams,
  type SearchFitOptions,
} from './model-selection/base-search-cv';
export { crossValScore, type Scorer } from './model-selection/cross-val-score';
export {
  aggregateFolds,
  type CrossValidateOptions,
  type CrossValidateResult,
  crossValidate,
} from './model-selection/cross-validate';
export { buildCvResults, type CvResults, rankScores, type ScorerResults } from './model-selection/cv-results';
export type { Fold } from './model-selection/fold';
export { GridSearchCV, type GridSearchCVParams } from './model-selection/grid-search-cv';
export { GroupKFold, type GroupKFoldOptions } from './model-selection/group-k-fold';
export { type EncodedGroups, encodeGroups, type Groups } from './model-selection/groups';
export { KFold, type KFoldOptions } from './model-selection/k-fold';
export { type Candidate, type ParamGrid, parameterGrid } from './model-selection/parameter-grid';
export {
  type Distribution,
  type ParamDistributions,
  sampleDistribution,
  sampleParameters,
} from './model-selection/parameter-sampler';
export { RandomizedSearchCV, type RandomizedSearchCVParams } from './model-selection/randomized-search-cv';
export { type CvSpec, resolveFolds } from './model-selection/resolve-folds';
export {
  cloneParams,
  type EstimatorSource,
  type FoldError,
  type FoldResult,
  freshEstimator,
  type RunFoldOptions,
  runFold,
} from './model-selection/run-fold';
export { getScorer, SCORER_NAMES, type ScorableEstimator } from './model-selection/scorers';
export { resolveScoring, type Scoring } from './model-selection/scoring';
export { isSplitter, type Splitter } from './model-selection/splitter';
export { StratifiedGroupKFold } from './model-selection/stratified-group-k-fold';
export { StratifiedKFold } from './model-selection/stratified-k-fold';
export { takeRows, takeTarget } from './model-selection/take-rows';
export { TimeSeriesSplit, type TimeSeriesSplitOptions } from './model-selection/time-series-split';
export { type TrainTestSplitOptions, trainTestSplit } from './model-selection/train-test-split';
// naive-bayes
export { CategoricalNB, type CategoricalNBParams } from './naive-bayes/categorical-nb';
export { GaussianNB, type GaussianNBParams } from './naive-bayes/gaussian-nb';
// neighbors
export type { KNeighborsParams } from './neighbors/base-k-neighbors';
export type { Neighbors } from './neighbors/k-nearest';
export { KNeighborsClassifier, type KNeighborsClassifierParams } from './neighbors/k-neighbors-classifier';
export { KNeighborsRegressor, type KNeighborsRegressorParams } from './neighbors/k-neighbors-regressor';
// optimize
export { type LbfgsOptions, type LbfgsResult, minimizeLbfgs, type Objective } from './optimize/lbfgs';
export { PARALLEL_KERNELS } from './parallel-kernels';
// preprocessing
export { DATE_PARTS, type DatePart } from './preprocessing/date-parts';
export {
  DatePartsTransformer,
  type DatePartsTransformerParams,
} from './preprocessing/date-parts-transformer';
export { MinMaxScaler, type MinMaxScalerParams } from './preprocessing/min-max-scaler';
export { OneHotEncoder, type OneHotEncoderParams } from './preprocessing/one-hot-encoder';
export { OrdinalEncoder, type OrdinalEncoderParams } from './preprocessing/ordinal-encoder';
export { RobustScaler, type RobustScalerParams } from './preprocessing/robust-scaler';
export { SimpleImputer, type SimpleImputerParams } from './preprocessing/simple-imputer';
export { StandardScaler, type StandardScalerParams } from './preprocessing/standard-scaler';
export { TargetEncoder, type TargetEncoderParams } from './preprocessing/target-encoder';
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
// text: vectorizers, topic models and token-level explanations
export type { CountVectorizerParams } from './text/base-vectorizer';
export { CountVectorizer } from './text/count-vectorizer';
export {
  importancesByToken,
  splitFeatureName,
  type TokenImportance,
  topicImportancesToTerms,
} from './text/feature-attribution';
export {
  LatentDirichletAllocation,
  type LatentDirichletAllocationParams,
} from './text/latent-dirichlet-allocation';
export { NMF, type NMFParams } from './text/nmf';
export { ENGLISH_STOP_WORDS } from './text/stop-words';
export { type TextInput, textDocuments } from './text/text-input';
export { TfidfVectorizer, type TfidfVectorizerParams } from './text/tfidf-vectorizer';
export {
  compareCodePoints,
  stripAccents,
  Tokenizer,
  type TokenizerOptions,
} from './text/tokenizer';
export type { TopicTerm } from './text/topic-helpers';
// tree
export { DecisionTreeClassifier, type DecisionTreeClassifierParams } from './tree/decision-tree-classifier';
export { DecisionTreeRegressor, type DecisionTreeRegressorParams } from './tree/decision-tree-regressor';
export type { MaxFeatures, TreeParams } from './tree/tree-params';
