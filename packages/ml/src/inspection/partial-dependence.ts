import type { CategoricalColumn, Column } from '../core/column';
import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import type { AbortSignalLike } from '../core/fit-options';
import { throwIfAborted } from '../core/fit-options';
import { linspace } from '../core/linspace';
import { Matrix } from '../core/matrix';
import { validateParams } from '../core/params';
import type { Tabular } from '../core/roles';
import { tabularNames } from '../core/tabular';
import { featureColumn, featureIndex, replaceColumn } from './feature-columns';
import { mquantiles } from './mquantiles';

export interface PartialDependenceOptions {
  /** Grid points for a numeric feature (default 100); fewer distinct values use the values themselves. */
  gridResolution?: number;
  /** The grid spans these quantiles of the feature (default [0.05, 0.95]), to stay where the data is. */
  percentiles?: readonly [number, number];
  /** 'average': the partial dependence; 'individual': one curve per row (ICE); 'both'. */
  kind?: 'average' | 'individual' | 'both';
  signal?: AbortSignalLike;
}

export interface PartialDependence {
  feature: string;
  featureKind: 'numeric' | 'categorical';
  /** The values the feature is set to: numbers, or a categorical feature's levels. */
  gridValues: Float64Array | string[];
  /** What each output is: the class names for a classifier (probabilities), ['prediction'] for a regressor. */
  outputs: string[];
  /** Per output, the mean prediction at each grid value (null for kind 'individual'). */
  average: Float64Array[] | null;
  /** Per output, rows × grid values: each row's prediction as the feature varies (null for kind 'average'). */
  individual: Matrix[] | null;
}

interface Predictor extends Estimator {
  predict(X: Tabular): Int32Array | Float64Array;
  predictProba?(X: Tabular): Matrix;
  readonly classes_?: string[];
}

function numericGrid(
  values: Float64Array,
  resolution: number,
  percentiles: readonly [number, number],
): Float64Array {
  const present = values.filter((v) => !Number.isNaN(v));
  const uniques = Float64Array.from(new Set(present)).sort();
  if (uniques.length < resolution) return uniques;
  const [low, high] = mquantiles(present, percentiles);
  if (Math.abs(low - high) <= 1e-8 + 1e-5 * Math.abs(high)) {
    throw new MlError(
      'INVALID_PARAMETER',
      'The percentiles are too close to each other to build a grid for this feature. Choose percentiles further apart.',
    );
  }
  return linspace(low, high, resolution);
}

/** The levels that occur (missing left out), sorted like NumPy sorts strings. */
function presentLevels(column: CategoricalColumn): number[] {
  const codes = [...new Set(column.codes)].filter((c) => c >= 0);
  return codes.sort((a, b) =>
    column.levels[a] < column.levels[b] ? -1 : column.levels[a] > column.levels[b] ? 1 : 0,
  );
}

/**
 * How a fitted model's prediction depends on one feature, everything else held at the observed values
 * (scikit-learn's `partial_dependence` with method 'brute'; Friedman 2001): the feature is set to each grid value
 * for every row, and the predictions (each class's probability for a classifier) are averaged ('average') or kept
 * per row ('individual', the ICE curves of Goldstein et al. 2015). Numeric features use a grid between two
 * quantiles; categorical ones use every level that occurs.
 */
export function partialDependence(
  estimator: Estimator,
  X: Tabular,
  feature: string | number,
  options: PartialDependenceOptions = {},
): PartialDependence {
  const { gridResolution = 100, percentiles = [0.05, 0.95], kind = 'average' } = options;
  validateParams(
    'partialDependence',
    { gridResolution, kind },
    {
      gridResolution: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'neither' }],
      kind: [{ type: 'options', values: ['average', 'individual', 'both'] }],
    },
  );
  if (
    !(
      percentiles.length === 2 &&
      percentiles[0] >= 0 &&
      percentiles[0] < percentiles[1] &&
      percentiles[1] <= 1
    )
  ) {
    throw new MlError(
      'INVALID_PARAMETER',
      `percentiles must be [low, high] with 0 ≤ low < high ≤ 1; got ${JSON.stringify(percentiles)}.`,
    );
  }
  const model = estimator as Predictor;
  const classifier = model.estimatorType === 'classifier';
  if (classifier && typeof model.predictProba !== 'function') {
    throw new MlError(
      'UNSUPPORTED_OPERATION',
      `${model.kind} has no predictProba, which partial dependence of a classifier needs.`,
    );
  }
  const j = featureIndex(X, feature, 'partialDependence');
  const column = featureColumn(X, j);
  const grid: Column[] = [];
  let gridValues: Float64Array | string[];
  if (column.kind === 'categorical') {
    const codes = presentLevels(column);
    gridValues = codes.map((code) => column.levels[code]);
    for (const code of codes) grid.push({ ...column, codes: new Int32Array(X.nRows).fill(code) });
  } else {
    gridValues = numericGrid(column.values, gridResolution, percentiles);
    for (const v of gridValues)
      grid.push({ name: column.name, kind: 'numeric', values: new Float64Array(X.nRows).fill(v) });
  }
  const outputs = classifier ? [...(model.classes_ ?? [])] : ['prediction'];
  const n = X.nRows;
  const individual = outputs.map(() => new Matrix(n, grid.length));
  grid.forEach((values, g) => {
    throwIfAborted(options.signal);
    const Xg = replaceColumn(X, j, values);
    if (classifier) {
      const proba = model.predictProba!(Xg);
      for (let k = 0; k < outputs.length; k++) individual[k].column(g).set(proba.column(k));
    } else {
      individual[0].column(g).set(model.predict(Xg));
    }
  });
  const average = individual.map((m) =>
    Float64Array.from({ length: grid.length }, (_, g) => m.column(g).reduce((a, b) => a + b, 0) / n),
  );
  return {
    feature: tabularNames(X)[j],
    featureKind: column.kind,
    gridValues,
    outputs,
    average: kind === 'individual' ? null : average,
    individual: kind === 'average' ? null : individual,
  };
}
