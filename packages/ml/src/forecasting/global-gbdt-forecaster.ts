import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { HistGradientBoostingRegressor } from '../ensemble/hist-gradient-boosting/hist-gradient-boosting-regressor';
import { DEFAULT_LEVELS, type Forecast, type PredictOptions } from './forecaster';
import {
  checkPanel,
  checkSeason,
  conformalQuantile,
  defaultLags,
  type FeatureLayout,
  featureCount,
} from './global-features';
import { forecastPanel, trainingRows } from './global-gbdt-rows';
import { maseScale } from './mase';
import { checkHorizon, checkLevels } from './series-checks';

/** `fitPanel`'s options: the season, the horizon the model is trained (and calibrated) for, cancel and progress. */
export interface PanelFitOptions extends FitOptions {
  season?: number;
  horizon: number;
}

export interface GlobalGbdtParams {
  /** 'recursive': one one-step model fed its own forecasts; 'direct': one model with the step as a feature. */
  strategy: 'recursive' | 'direct';
  /** The longest lag (default 7 seasons: 168 hours for hourly data). */
  maxLag: number | null;
  /** Training windows per series, the most recent ones (bounds the training set of long panels). */
  maxWindowsPerSeries: number;
  /** Direct strategy: how many random steps are drawn per training origin. */
  stepsPerOrigin: number;
  /** Adds log10 of the series' level as a feature. */
  levelFeature: boolean;
  /** Holds out the last `horizon` points of every series, forecasts them, and makes conformal intervals. */
  intervals: boolean;
  loss: 'squared_error' | 'absolute_error';
  learningRate: number;
  maxIter: number;
  maxLeafNodes: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  randomState: number;
}

/**
 * A global forecaster: one histogram gradient-boosting model (`HistGradientBoostingRegressor`) trained on the
 * windows of every series of a panel — the approach of the strongest machine-learning entries of M4 and M5. Each
 * window is divided by its local scale, and the features are lags (1..season and whole seasons), a long rolling
 * mean and the last season's spread (see `global-features.ts`). Intervals are split-conformal: the model is also
 * fitted without the last `horizon` points of every series, and the scaled absolute errors on those points, pooled
 * over series per step, give each series' half-widths (times its MASE scale).
 *
 *   const model = new GlobalGbdtForecaster().fitPanel(panel, { season: 24, horizon: 48 });
 *   const forecasts = model.predictPanel(48); // one Forecast per series, with 80% and 95% intervals
 */
export class GlobalGbdtForecaster extends Estimator<GlobalGbdtParams> {
  static override readonly kind: string = 'GlobalGbdtForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    strategy: [{ type: 'options', values: ['recursive', 'direct'] }],
    maxLag: [{ type: 'int', min: 1 }, { type: 'null' }],
    maxWindowsPerSeries: [{ type: 'int', min: 1 }],
    stepsPerOrigin: [{ type: 'int', min: 1 }],
    levelFeature: [{ type: 'boolean' }],
    intervals: [{ type: 'boolean' }],
    loss: [{ type: 'options', values: ['squared_error', 'absolute_error'] }],
    learningRate: [{ type: 'float', min: 0, closed: 'neither' }],
    maxIter: [{ type: 'int', min: 1 }],
    maxLeafNodes: [{ type: 'int', min: 2 }],
    minSamplesLeaf: [{ type: 'int', min: 1 }],
    l2Regularization: [{ type: 'float', min: 0 }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    horizon_: 'number',
    lags_: 'numbers',
    model_: 'json',
    tails_: 'json',
    intervalScales_: 'float64',
    calibration_: 'json',
  };

  declare season_: number;
  declare horizon_: number;
  declare lags_: number[];
  declare model_: HistGradientBoostingRegressor;
  /** The end of every training series (as much as the features look back). */
  declare tails_: Float64Array[];
  /** Per series, the in-sample MASE scale the conformal quantiles are multiplied by. */
  declare intervalScales_: Float64Array;
  /** Per step, the sorted scaled absolute held-out errors over all series; empty without intervals. */
  declare calibration_: Float64Array[];

  constructor(params: Partial<GlobalGbdtParams> = {}) {
    super(
      {
        strategy: 'direct',
        maxLag: null,
        maxWindowsPerSeries: 400,
        stepsPerOrigin: 2,
        levelFeature: false,
        intervals: true,
        loss: 'absolute_error',
        learningRate: 0.1,
        maxIter: 200,
        maxLeafNodes: 63,
        minSamplesLeaf: 50,
        l2Regularization: 1,
        randomState: 0,
      },
      params,
    );
  }

  /** Fits one model on all series of the panel (and, with `intervals`, a second one for calibration first). */
  fitPanel(series: readonly Float64Array[], options: PanelFitOptions): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const season = checkSeason(options.season ?? 1, this.kind);
    const horizon = checkHorizon(options.horizon, this.kind);
    const { intervals } = this.params;
    checkPanel(series, this.kind, intervals ? horizon + season + 2 : season + 2);
    this.season_ = season;
    this.horizon_ = horizon;
    this.lags_ = defaultLags(season, this.params.maxLag ?? 7 * season);
    const layout = this.layout();
    this.calibration_ = [];
    this.intervalScales_ = Float64Array.from(series, (y) => maseScale(y, season) || 1);
    const share = intervals ? 0.5 : 0;
    if (intervals) {
      const heads = series.map((y) => y.subarray(0, y.length - horizon));
      const model = this.train(heads, layout, subTaskOptions(options, 0, share, 'calibration'));
      const forecasts = forecastPanel(model, layout, heads, horizon);
      this.calibration_ = Array.from({ length: horizon }, (_, h) =>
        Float64Array.from(series, (y, i) => {
          const scale = maseScale(heads[i], season) || 1;
          return Math.abs(y[heads[i].length + h] - forecasts[i][h]) / scale;
        }).sort(),
      );
    }
    this.model_ = this.train(series, layout, subTaskOptions(options, share, 1, 'final model'));
    const keep = Math.max(...this.lags_, 7 * season);
    this.tails_ = series.map((y) => y.slice(Math.max(0, y.length - keep)));
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Forecasts every series of the fitted panel; direct models forecast at most the horizon they were fitted for. */
  predictPanel(horizon: number, options: PredictOptions = {}): Forecast[] {
    this.checkFitted();
    checkHorizon(horizon, this.kind);
    const levels = checkLevels(options.levels ?? DEFAULT_LEVELS, this.kind);
    if (this.params.strategy === 'direct' && horizon > this.horizon_) {
      throw new MlError(
        'INVALID_PARAMETER',
        `This direct GlobalGbdtForecaster was fitted for horizon ${this.horizon_}; refit it with horizon ${horizon} or use strategy 'recursive'.`,
        { details: { kind: this.kind, parameter: 'horizon' } },
      );
    }
    const means = forecastPanel(this.model_, this.layout(), this.tails_, horizon);
    return means.map((mean, i) => {
      if (this.calibration_.length === 0) return { mean };
      const lower: Record<number, Float64Array> = {};
      const upper: Record<number, Float64Array> = {};
      for (const level of levels) {
        const widths = this.calibration_.map((errors) => conformalQuantile(errors, level));
        const width = (h: number) => widths[Math.min(h, widths.length - 1)] * this.intervalScales_[i];
        lower[level] = mean.map((v, h) => v - width(h));
        upper[level] = mean.map((v, h) => v + width(h));
      }
      return { mean, lower, upper };
    });
  }

  private layout(): FeatureLayout {
    const { strategy, levelFeature } = this.params;
    return { season: this.season_, lags: this.lags_, strategy, level: levelFeature };
  }

  private train(series: readonly Float64Array[], layout: FeatureLayout, options: FitOptions) {
    const { X, y } = trainingRows(series, layout, this.horizon_, this.params);
    throwIfAborted(options.signal);
    const { loss, learningRate, maxIter, maxLeafNodes, minSamplesLeaf, l2Regularization, randomState } =
      this.params;
    return new HistGradientBoostingRegressor({
      loss,
      learningRate,
      maxIter,
      maxLeafNodes,
      minSamplesLeaf,
      l2Regularization,
      randomState,
      earlyStopping: true,
      validationFraction: 0.1,
      nIterNoChange: 10,
    }).fit(X, y, options);
  }

  protected override checkState(): void {
    this.expectState(Number.isInteger(this.season_) && this.season_ >= 1, 'season_ must be an integer >= 1');
    this.expectState(
      this.model_ instanceof HistGradientBoostingRegressor,
      'model_ must be a fitted regressor',
    );
    this.expectState(
      Array.isArray(this.tails_) &&
        this.tails_.every((t) => t instanceof Float64Array) &&
        this.intervalScales_.length === this.tails_.length,
      'tails_ must hold one Float64Array per series, with one interval scale each',
    );
    this.expectState(
      Array.isArray(this.calibration_) && this.calibration_.every((c) => c instanceof Float64Array),
      'calibration_ must be a list of Float64Arrays',
    );
    this.expectState(
      this.model_.isFitted && this.model_.nFeaturesIn_ === featureCount(this.layout()),
      'model_ must be fitted on this feature layout',
    );
  }
}
