import { MlError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor, Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { asMatrix, checkFinite, checkNotEmpty, checkRegressionTarget } from '../core/validation';
import { checkSampleWeight } from '../metrics/sample-weight';
import { interpolate } from './interpolate';
import { isotonicRegression } from './pool-adjacent-violators';
import { spearmanRho } from './spearman-rho';

export interface IsotonicRegressionParams {
  yMin: number | null;
  yMax: number | null;
  /** Fit a non-decreasing (true) or non-increasing (false) function; 'auto' picks by the sign of Spearman's ρ. */
  increasing: boolean | 'auto';
  /** Inputs outside the training range: NaN ('nan'), the nearest end's value ('clip'), or an error ('raise'). */
  outOfBounds: 'nan' | 'clip' | 'raise';
}

export interface IsotonicFitOptions extends FitOptions {
  sampleWeight?: Float64Array;
}

/** Machine resolution of doubles (NumPy's `finfo(float64).resolution`): closer x values are merged. */
const RESOLUTION = 1e-15;

/**
 * A monotone, piecewise-linear fit of y on one feature (scikit-learn's `IsotonicRegression`, same thresholds and
 * predictions): rows are sorted by x, duplicate x values averaged, pool-adjacent-violators finds the best monotone
 * step values, and predictions interpolate linearly between the kept thresholds. Used by `CalibratedClassifierCV`
 * to map scores to probabilities.
 *
 *   const iso = new IsotonicRegression({ outOfBounds: 'clip' }).fit(Float64Array.from(x), y);
 */
export class IsotonicRegression extends Estimator<IsotonicRegressionParams> implements Regressor {
  static override readonly kind: string = 'IsotonicRegression';
  static override readonly paramConstraints: ParamConstraints = {
    yMin: [{ type: 'float' }, { type: 'null' }],
    yMax: [{ type: 'float' }, { type: 'null' }],
    increasing: [{ type: 'boolean' }, { type: 'options', values: ['auto'] }],
    outOfBounds: [{ type: 'options', values: ['nan', 'clip', 'raise'] }],
  };
  static override readonly stateSchema: StateSchema = {
    xMin_: 'number',
    xMax_: 'number',
    xThresholds_: 'float64',
    yThresholds_: 'float64',
    increasing_: 'boolean',
  };

  declare xMin_: number;
  declare xMax_: number;
  /** The x values kept as knots of the fitted function (inner points of flat runs are dropped), increasing. */
  declare xThresholds_: Float64Array;
  declare yThresholds_: Float64Array;
  declare increasing_: boolean;

  constructor(params: Partial<IsotonicRegressionParams> = {}) {
    super({ yMin: null, yMax: null, increasing: true, outOfBounds: 'nan' }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  protected override checkState(): void {
    const n = this.xThresholds_.length;
    this.expectState(n >= 1 && this.yThresholds_.length === n, 'one y threshold per x threshold');
    this.expectState(
      this.xThresholds_.every((x, i) => i === 0 || x > this.xThresholds_[i - 1]),
      'xThresholds_ increases',
    );
  }

  /** The single feature of X (a one-column matrix or frame, or a plain array of values). */
  #feature(X: Tabular | Float64Array): Float64Array {
    if (X instanceof Float64Array) return X;
    const matrix = asMatrix(X, this.kind);
    if (matrix.nCols !== 1) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `${this.kind} takes exactly one feature but got ${matrix.nCols}. Pass one column.`,
        { details: { kind: this.kind, expected: 1, got: matrix.nCols } },
      );
    }
    return matrix.column(0);
  }

  fit(X: Tabular | Float64Array, y: Float64Array, options: IsotonicFitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const x = this.#feature(X);
    checkNotEmpty(x.length, 1, this.kind);
    checkFinite(new Matrix(x.length, 1, x), this.kind);
    checkRegressionTarget(y, x.length, this.kind);
    const weight = checkSampleWeight(this.kind, options.sampleWeight, x.length);
    const increasing = this.params.increasing === 'auto' ? spearmanRho(x, y) >= 0 : this.params.increasing;
    // Rows with positive weight, sorted by x then y (np.lexsort((y, x))).
    const rows = Array.from(x.keys())
      .filter((i) => weight === undefined || weight[i] > 0)
      .sort((a, b) => x[a] - x[b] || y[a] - y[b] || a - b);
    if (rows.length === 0) {
      throw new MlError(
        'EMPTY_DATA',
        `${this.kind} got no rows with a positive sample weight. Pass at least one.`,
      );
    }
    // Merge duplicate x values into their weighted mean y (scikit-learn's `_make_unique`).
    const ux: number[] = [];
    const uy: number[] = [];
    const uw: number[] = [];
    let currentX = x[rows[0]];
    let sumY = 0;
    let sumW = 0;
    for (const i of rows) {
      const w = weight === undefined ? 1 : weight[i];
      if (x[i] - currentX >= RESOLUTION) {
        ux.push(currentX);
        uy.push(sumY / sumW);
        uw.push(sumW);
        currentX = x[i];
        sumW = w;
        sumY = y[i] * w;
      } else {
        sumW += w;
        sumY += y[i] * w;
      }
    }
    ux.push(currentX);
    uy.push(sumY / sumW);
    uw.push(sumW);
    const fitted = isotonicRegression(Float64Array.from(uy), {
      sampleWeight: Float64Array.from(uw),
      yMin: this.params.yMin,
      yMax: this.params.yMax,
      increasing,
    });
    // Keep the ends and every point where the fitted value changes on either side.
    const keep = ux.map(
      (_, i) => i === 0 || i === ux.length - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1],
    );
    this.xThresholds_ = Float64Array.from(ux.filter((_, i) => keep[i]));
    this.yThresholds_ = fitted.filter((_, i) => keep[i]);
    this.xMin_ = ux[0];
    this.xMax_ = ux[ux.length - 1];
    this.increasing_ = increasing;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Tabular | Float64Array): Float64Array {
    this.checkFitted();
    const x = this.#feature(X);
    const { outOfBounds } = this.params;
    if (outOfBounds === 'raise') {
      const row = x.findIndex((v) => v < this.xMin_ || v > this.xMax_);
      if (row >= 0) {
        throw new MlError(
          'UNSUPPORTED_OPERATION',
          `${this.kind} got ${x[row]} at row ${row}, outside the fitted range [${this.xMin_}, ${this.xMax_}]. Use outOfBounds 'clip' or 'nan'.`,
        );
      }
    }
    const input = outOfBounds === 'clip' ? x.map((v) => Math.min(this.xMax_, Math.max(this.xMin_, v))) : x;
    return interpolate(input, this.xThresholds_, this.yThresholds_);
  }
}
