import { py, snakeCase } from '../code';
import type { TemplateContext } from '../context';

/**
 * The studio's model per family in scikit-learn (packages/ml/src/auto/make-tabular-model.ts): the same
 * preprocessing (median imputation with missing indicators; scaling and one-hot only for linear, k-NN and naive
 * Bayes; ordinal codes for trees; native categories for gradient boosting) and the same estimator defaults.
 */

export const DEFAULT_MEMBERS = [
  { family: 'gbdt', weight: 1 / 3 },
  { family: 'forest', weight: 1 / 3 },
  { family: 'linear', weight: 1 / 3 },
];

/** `pipeline_for(family, estimator)` in Python: the preprocessing the studio puts before each family. */
export const PIPELINE_FUNCTION = `def pipeline_for(family, estimator):
    """The studio's preprocessing for a model family, then the estimator."""
    if family == 'gbdt':
        # Gradient boosting bins numbers itself and learns where missing values go; categories become codes it
        # splits natively (more than 255 categories are read as plain numbers).
        native = [c for c in CATEGORICAL_FEATURES if data[c].nunique() <= 255]
        wide = [c for c in CATEGORICAL_FEATURES if c not in native]
        codes = lambda: OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=np.nan)
        prep = ColumnTransformer([('num', 'passthrough', NUMERIC_FEATURES), ('wide', codes(), wide), ('cat', codes(), native)])
        first = len(NUMERIC_FEATURES) + len(wide)
        estimator.set_params(categorical_features=list(range(first, first + len(native))) or None)
        return Pipeline([('prep', prep), ('model', estimator)])
    scaled = family in ('linear', 'knn', 'nb')  # distances, gradients and Gaussians need scaled numbers and one-hot
    numeric = [('impute', SimpleImputer(strategy='median', add_indicator=True))]
    if scaled:
        numeric.append(('scale', StandardScaler()))
    encode = OneHotEncoder(handle_unknown='ignore') if scaled else OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=-1)
    categorical = [('impute', SimpleImputer(strategy='most_frequent')), ('encode', encode)]
    parts = [('num', Pipeline(numeric), NUMERIC_FEATURES), ('cat', Pipeline(categorical), CATEGORICAL_FEATURES)]
    parts = [p for p in parts if p[2]]
    return Pipeline([('prep', ColumnTransformer(parts, sparse_threshold=0 if family == 'nb' else 0.3)), ('model', estimator)])`;

/**
 * The studio's logistic regression stops L-BFGS when the largest entry of the gradient of the *averaged* loss is
 * at most 1e-4, as scikit-learn does from 1.4 on. Older scikit-learn (Debian's 1.2) sums the loss, so the same
 * rule is tol × the training rows; without it 1.2 runs on to the exact optimum, which on a rare class (the fraud
 * lab's 0.5%) ranks the few positives differently from the studio's model (0.015 average precision apart).
 */
export const LINEAR_TOL_CODE = `import re

import sklearn

# The studio stops fitting a logistic regression when the averaged loss's gradient is at most 1e-4 in every
# entry, as scikit-learn >= 1.4 does; older versions sum the loss, so the same rule is scaled by the rows.
SKLEARN_AVERAGES_LOSS = tuple(map(int, re.match(r'(\\d+)\\.(\\d+)', sklearn.__version__).groups())) >= (1, 4)
LINEAR_TOL = 1e-4 if SKLEARN_AVERAGES_LOSS else 1e-4 * len(X_train)
`;

export function estimatorImport(family: string, task: 'classification' | 'regression'): string {
  const c = task === 'classification';
  switch (family) {
    case 'linear':
      return c
        ? 'from sklearn.linear_model import LogisticRegression'
        : 'from sklearn.linear_model import Ridge';
    case 'tree':
      return `from sklearn.tree import ${c ? 'DecisionTreeClassifier' : 'DecisionTreeRegressor'}`;
    case 'forest':
      return `from sklearn.ensemble import ${c ? 'RandomForestClassifier' : 'RandomForestRegressor'}`;
    case 'extra_trees':
      return `from sklearn.ensemble import ${c ? 'ExtraTreesClassifier' : 'ExtraTreesRegressor'}`;
    case 'gbdt':
      return `from sklearn.ensemble import ${c ? 'HistGradientBoostingClassifier' : 'HistGradientBoostingRegressor'}`;
    case 'knn':
      return `from sklearn.neighbors import ${c ? 'KNeighborsClassifier' : 'KNeighborsRegressor'}`;
    case 'nb':
      return 'from sklearn.naive_bayes import GaussianNB';
    default:
      return `from sklearn.dummy import ${c ? 'DummyClassifier' : 'DummyRegressor'}`;
  }
}

/** The estimator with the studio's defaults for the family, the learner's parameters and the seed. */
export function estimatorCode(
  family: string,
  task: 'classification' | 'regression',
  seed: number,
  params: Record<string, unknown>,
  weight: string | null,
): string {
  const c = task === 'classification';
  const args = new Map<string, string>();
  const cw = c && weight !== null && ['linear', 'tree', 'forest', 'extra_trees', 'gbdt'].includes(family);
  let name: string;
  switch (family) {
    case 'linear':
      name = c ? 'LogisticRegression' : 'Ridge';
      if (c) {
        args.set('max_iter', '500');
        args.set('tol', 'LINEAR_TOL');
      } else args.set('alpha', '1.0');
      break;
    case 'tree':
      name = c ? 'DecisionTreeClassifier' : 'DecisionTreeRegressor';
      args.set('max_depth', '8');
      args.set('min_samples_leaf', '5');
      args.set('random_state', String(seed));
      break;
    case 'forest':
    case 'extra_trees':
    case 'gbdt': {
      const base = { forest: 'RandomForest', extra_trees: 'ExtraTrees', gbdt: 'HistGradientBoosting' }[
        family
      ];
      name = `${base}${c ? 'Classifier' : 'Regressor'}`;
      args.set('random_state', String(seed));
      break;
    }
    case 'knn':
      name = c ? 'KNeighborsClassifier' : 'KNeighborsRegressor';
      break;
    case 'nb':
      name = 'GaussianNB';
      break;
    default:
      name = c ? 'DummyClassifier' : 'DummyRegressor';
      args.set('strategy', c ? "'prior'" : "'mean'");
  }
  if (cw) args.set('class_weight', py(weight));
  for (const [key, value] of Object.entries(params)) {
    const plain = key.replace(/^model\./, '');
    if (plain.includes('.')) continue; // a preprocessing parameter: the pipeline above uses the studio's
    args.set(snakeCase(plain), py(value as string | number | boolean | null));
  }
  return `${name}(${[...args].map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

export function classWeight(ctx: TemplateContext): string | null {
  const w = ctx.model?.imbalance?.classWeight;
  return typeof w === 'string' && w !== 'none' ? w : null;
}
