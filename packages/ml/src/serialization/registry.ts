import { AnomalyEnsemble } from '../anomaly/anomaly-ensemble';
import { IsolationForest } from '../anomaly/isolation-forest';
import { LocalOutlierFactor } from '../anomaly/local-outlier-factor';
import { MahalanobisDetector } from '../anomaly/mahalanobis-detector';
import { RobustZScore } from '../anomaly/robust-z-score';
import { CalibratedClassifierCV } from '../calibration/calibrated-classifier-cv';
import { IsotonicRegression } from '../calibration/isotonic-regression';
import { KMeans } from '../cluster/kmeans';
import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { EstimatorClass } from '../core/estimator';
import { PCA } from '../decomposition/pca';
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
import { FORECASTER_CLASSES } from '../forecasting/forecaster-classes';
import { AutoPanelForecaster } from '../forecasting/global-auto-forecaster';
import { GlobalGbdtForecaster } from '../forecasting/global-gbdt-forecaster';
import { GbdtSeriesForecaster } from '../forecasting/global-gbdt-series';
import { LinearRegression } from '../linear-model/linear-regression';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { GridSearchCV } from '../model-selection/grid-search-cv';
import { RandomizedSearchCV } from '../model-selection/randomized-search-cv';
import { CategoricalNB } from '../naive-bayes/categorical-nb';
import { GaussianNB } from '../naive-bayes/gaussian-nb';
import { KNeighborsClassifier } from '../neighbors/k-neighbors-classifier';
import { KNeighborsRegressor } from '../neighbors/k-neighbors-regressor';
import { DatePartsTransformer } from '../preprocessing/date-parts-transformer';
import { MinMaxScaler } from '../preprocessing/min-max-scaler';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { RobustScaler } from '../preprocessing/robust-scaler';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { TargetEncoder } from '../preprocessing/target-encoder';
import { CountVectorizer } from '../text/count-vectorizer';
import { LatentDirichletAllocation } from '../text/latent-dirichlet-allocation';
import { NMF } from '../text/nmf';
import { TfidfVectorizer } from '../text/tfidf-vectorizer';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';

const CLASSES: EstimatorClass[] = [
  VotingClassifier,
  VotingRegressor,
  ColumnTransformer,
  Pipeline,
  DummyClassifier,
  DummyRegressor,
  ...FORECASTER_CLASSES,
  GlobalGbdtForecaster,
  GbdtSeriesForecaster,
  AutoPanelForecaster,
  RandomForestClassifier,
  RandomForestRegressor,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  LinearRegression,
  LogisticRegression,
  Ridge,
  GaussianNB,
  CategoricalNB,
  KNeighborsClassifier,
  KNeighborsRegressor,
  OneHotEncoder,
  OrdinalEncoder,
  SimpleImputer,
  StandardScaler,
  MinMaxScaler,
  RobustScaler,
  TargetEncoder,
  DatePartsTransformer,
  CountVectorizer,
  TfidfVectorizer,
  NMF,
  LatentDirichletAllocation,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  CalibratedClassifierCV,
  IsotonicRegression,
  GridSearchCV,
  RandomizedSearchCV,
  IsolationForest,
  LocalOutlierFactor,
  RobustZScore,
  MahalanobisDetector,
  AnomalyEnsemble,
  KMeans,
  PCA,
];

/** Every estimator a saved model may name, by `kind`. Loading looks kinds up here and nowhere else. */
export const ESTIMATOR_REGISTRY: Readonly<Record<string, EstimatorClass>> = Object.freeze(
  Object.fromEntries(CLASSES.map((Class) => [Class.kind, Class])),
);
