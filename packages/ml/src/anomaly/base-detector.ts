import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { Constraint } from '../core/params';
import { nanPercentile } from '../core/percentile';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularNames } from '../core/tabular';
import { checkFinite, checkFitInput, checkPredictInput } from '../core/validation';

/** The share of training rows expected to be anomalies, or 'auto' for the detector's own fixed threshold. */
export type Contamination = 'auto' | number;

export interface DetectorParams {
  contamination: Contamination;
}

export const CONTAMINATION_CONSTRAINTS: readonly Constraint[] = [
  { type: 'options', values: ['auto'] },
  { type: 'float', min: 0, max: 0.5, closed: 'right' },
];

/** The learned fields every detector has, merged into each class's own `stateSchema`. */
export const DETECTOR_STATE: StateSchema = {
  offset_: 'number',
  trainScores_: 'float64',
  nFeaturesIn_: 'number',
  featureNamesIn_: 'strings',
};

/**
 * The outlier-detector contract of scikit-learn (`OutlierMixin`), shared by the four detectors:
 *
 *   scoreSamples(X)      higher = more normal (so anomalies have the lowest scores), as in scikit-learn
 *   decisionFunction(X)  scoreSamples(X) − offset_: negative for anomalies
 *   predict(X)           −1 for an anomaly, +1 for a normal row
 *
 * `offset_` is the detector's own fixed cut-off when `contamination` is 'auto', otherwise the
 * `contamination`-th percentile of the training scores, so that share of training rows is flagged.
 * `trainScores_` keeps the in-sample scores of the training rows (for LocalOutlierFactor they leave each row out
 * of its own neighbourhood, which `scoreSamples` on new rows cannot do); the ensemble ranks new rows against them.
 * Missing values are refused (impute first): none of these scores has a meaning for a missing coordinate.
 */
export abstract class BaseDetector<P extends DetectorParams> extends Estimator<P> {
  declare offset_: number;
  declare trainScores_: Float64Array;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  /** The cut-off used with contamination 'auto', in `scoreSamples` units. */
  protected abstract autoOffset(): number;

  /** Learns from the checked training rows and returns their in-sample scores (higher = more normal). */
  protected abstract fitScores(X: Matrix, options: FitOptions): Float64Array;

  /** Scores checked rows of the fitted width. */
  protected abstract scoreRows(X: Matrix): Float64Array;

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    this.nFeaturesIn_ = matrix.nCols;
    this.featureNamesIn_ = tabularNames(X);
    const scores = this.fitScores(matrix, options);
    const { contamination } = this.params;
    this.trainScores_ = scores;
    this.offset_ = contamination === 'auto' ? this.autoOffset() : nanPercentile(scores, 100 * contamination);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  protected override checkState(): void {
    this.expectState(
      this.featureNamesIn_.length === this.nFeaturesIn_ && this.nFeaturesIn_ >= 1,
      'one name per feature',
    );
    this.expectState(this.trainScores_.length >= 1, 'at least one training score');
  }

  /** Checks rows for scoring: fitted, same width as in fit, finite. */
  protected checkRows(X: Tabular): Matrix {
    this.checkFitted();
    return checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
  }

  /** The normality of each row: higher = more normal; anomalies score lowest. */
  scoreSamples(X: Tabular): Float64Array {
    return this.scoreRows(this.checkRows(X));
  }

  /** `scoreSamples(X) − offset_`: negative for the rows `predict` flags. */
  decisionFunction(X: Tabular): Float64Array {
    const scores = this.scoreSamples(X);
    return scores.map((s) => s - this.offset_);
  }

  /** −1 for an anomaly, +1 for a normal row (scikit-learn's convention). */
  predict(X: Tabular): Int32Array {
    const decision = this.decisionFunction(X);
    return Int32Array.from(decision, (d) => (d < 0 ? -1 : 1));
  }

  /** Fits and labels the training rows with their in-sample scores (scikit-learn's `fit_predict`). */
  fitPredict(X: Tabular, options: FitOptions = {}): Int32Array {
    this.fit(X, undefined, options);
    return Int32Array.from(this.trainScores_, (s) => (s - this.offset_ < 0 ? -1 : 1));
  }
}
