import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { EstimatorClass } from '../core/estimator';
import { DummyClassifier } from '../dummy/dummy-classifier';
import { DummyRegressor } from '../dummy/dummy-regressor';
import { LinearRegression } from '../linear-model/linear-regression';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';

const CLASSES: EstimatorClass[] = [
  ColumnTransformer,
  Pipeline,
  DummyClassifier,
  DummyRegressor,
  LinearRegression,
  LogisticRegression,
  Ridge,
  OneHotEncoder,
  OrdinalEncoder,
  SimpleImputer,
  StandardScaler,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
];

/** Every estimator a saved model may name, by `kind`. Loading looks kinds up here and nowhere else. */
export const ESTIMATOR_REGISTRY: Readonly<Record<string, EstimatorClass>> = Object.freeze(
  Object.fromEntries(CLASSES.map((Class) => [Class.kind, Class])),
);
