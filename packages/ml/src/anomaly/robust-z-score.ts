import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { nanMedian } from '../core/statistics';
import {
  BaseDetector,
  CONTAMINATION_CONSTRAINTS,
  type Contamination,
  DETECTOR_STATE,
  type DetectorParams,
} from './base-detector';

export interface RobustZScoreParams extends DetectorParams {
  contamination: Contamination;
  /** With contamination 'auto', a row is flagged when some |z| exceeds this (3.5 after Iglewicz & Hoaglin). */
  threshold: number;
}

/** 1/Φ⁻¹(3/4): makes the MAD estimate the standard deviation of normal data. */
const MAD_TO_SD = 1.482602218505602;
/** √(π/2): makes the mean absolute deviation estimate the standard deviation of normal data. */
const MEAN_AD_TO_SD = 1.2533141373155001;

/**
 * The robust (modified) z-score per feature, z = (x − median) / (1.4826 · MAD): median and MAD move little with a
 * few outliers, unlike the mean and standard deviation, so the outliers stand out instead of widening the scale.
 * A row's score is its largest |z| over the features, `scoreSamples = −max |z|`; `zScores` keeps each feature's
 * signed z, which is the reason shown for a flagged row. A feature whose MAD is 0 (more than half the rows equal)
 * uses 1.2533 × the mean absolute deviation from the median instead (IBM's convention), and 1 if that is 0 too.
 */
export class RobustZScore extends BaseDetector<RobustZScoreParams> {
  static override readonly kind: string = 'RobustZScore';
  static override readonly paramConstraints: ParamConstraints = {
    contamination: CONTAMINATION_CONSTRAINTS,
    threshold: [{ type: 'float', min: 0, closed: 'neither' }],
  };
  static override readonly stateSchema: StateSchema = {
    ...DETECTOR_STATE,
    median_: 'float64',
    scale_: 'float64',
  };

  /** Per feature, the median of the training rows. */
  declare median_: Float64Array;
  /** Per feature, the robust standard deviation the z-scores divide by. */
  declare scale_: Float64Array;

  constructor(params: Partial<RobustZScoreParams> = {}) {
    super({ contamination: 'auto', threshold: 3.5 }, params);
  }

  protected autoOffset(): number {
    return -this.params.threshold;
  }

  protected override checkState(): void {
    super.checkState();
    const p = this.nFeaturesIn_;
    this.expectState(
      this.median_.length === p && this.scale_.length === p,
      'one median and scale per feature',
    );
    this.expectState(
      this.scale_.every((s) => s > 0),
      'positive scales',
    );
  }

  protected fitScores(X: Matrix, _options: FitOptions): Float64Array {
    const p = X.nCols;
    this.median_ = new Float64Array(p);
    this.scale_ = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const column = X.column(j);
      const median = nanMedian(column);
      const deviations = column.map((v) => Math.abs(v - median));
      const mad = nanMedian(deviations);
      const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
      this.median_[j] = median;
      this.scale_[j] = mad > 0 ? MAD_TO_SD * mad : meanAd > 0 ? MEAN_AD_TO_SD * meanAd : 1;
    }
    return this.scoreRows(X);
  }

  /** The signed robust z-score of every cell, rows × features. */
  zScores(X: Tabular): Matrix {
    return this.zMatrix(this.checkRows(X));
  }

  private zMatrix(X: Matrix): Matrix {
    const { nRows, nCols } = X;
    const out = new Matrix(nRows, nCols);
    for (let j = 0; j < nCols; j++) {
      for (let i = 0; i < nRows; i++) {
        out.data[j * nRows + i] = (X.data[j * nRows + i] - this.median_[j]) / this.scale_[j];
      }
    }
    return out;
  }

  protected scoreRows(X: Matrix): Float64Array {
    const z = this.zMatrix(X);
    const out = new Float64Array(X.nRows);
    for (let j = 0; j < X.nCols; j++) {
      for (let i = 0; i < X.nRows; i++) out[i] = Math.min(out[i], -Math.abs(z.data[j * X.nRows + i]));
    }
    return out;
  }
}
