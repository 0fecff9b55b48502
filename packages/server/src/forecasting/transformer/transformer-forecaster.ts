import {
  Estimator,
  type Forecast,
  MlError,
  type PanelFitOptions,
  type ParamConstraints,
  Rng,
  type StateSchema,
} from '@quarry/ml';
import type * as TF from '@tensorflow/tfjs';
import {
  forward,
  initialWeights,
  type NetworkShape,
  pinballLoss,
  toValues,
  toVariables,
  type Weights,
  type WeightValues,
} from './network';
import { type TfBackend, useBackend } from './tf-backend';
import { epochOrigins, writeInput, writeTarget } from './windows';

export interface TransformerParams {
  /** Input window length; rounded up to whole patches. */
  inputSize: number;
  /** Values per token; null: the season (2..64), else 8. */
  patchLength: number | null;
  dModel: number;
  heads: number;
  layers: number;
  /** Width of each block's feed-forward layer. */
  ffn: number;
  /** Interval levels the quantile outputs are trained for (the median is always an output). */
  levels: number[];
  epochs: number;
  /** Training windows drawn per series and epoch. */
  windowsPerSeries: number;
  batchSize: number;
  learningRate: number;
  /**
   * A training time budget in seconds; training stops after the step that passes it. Null: the epochs decide,
   * and the same seed gives the same weights on any machine (with a budget, only on the same machine and load).
   */
  maxSeconds: number | null;
  backend: TfBackend;
  randomState: number;
}

/**
 * A global Transformer forecaster in TensorFlow.js: one small encoder-only network trained on windows of every
 * series of a panel (see `network.ts` and `windows.ts`), forecasting the whole horizon at once with quantile
 * outputs (pinball loss): the median is the point forecast and the outer quantiles the intervals. Weights start
 * from Quarry's seeded `Rng` and the windows come in a seeded order, so two fits with the same `randomState` and
 * no `maxSeconds` give identical forecasts.
 *
 *   const model = await new TransformerForecaster().fitPanel(panel, { season: 24, horizon: 48 });
 *   const forecasts = await model.predictPanel(48);
 */
export class TransformerForecaster extends Estimator<TransformerParams> {
  static override readonly kind: string = 'TransformerForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    inputSize: [{ type: 'int', min: 2 }],
    patchLength: [{ type: 'int', min: 1 }, { type: 'null' }],
    dModel: [{ type: 'int', min: 4 }],
    heads: [{ type: 'int', min: 1 }],
    layers: [{ type: 'int', min: 1 }],
    ffn: [{ type: 'int', min: 1 }],
    levels: [{ type: 'array' }],
    epochs: [{ type: 'int', min: 1 }],
    windowsPerSeries: [{ type: 'int', min: 1 }],
    batchSize: [{ type: 'int', min: 1 }],
    learningRate: [{ type: 'float', min: 0, closed: 'neither' }],
    maxSeconds: [{ type: 'float', min: 0, closed: 'neither' }, { type: 'null' }],
    backend: [{ type: 'options', values: ['wasm', 'cpu'] }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    shape_: 'json',
    quantiles_: 'numbers',
    weights_: 'json',
    tails_: 'json',
    steps_: 'number',
  };

  declare season_: number;
  declare shape_: NetworkShape;
  declare quantiles_: number[];
  declare weights_: WeightValues;
  /** The last `inputSize` values of every training series (what the forecasts start from). */
  declare tails_: Float64Array[];
  /** Optimiser steps taken. */
  declare steps_: number;

  constructor(params: Partial<TransformerParams> = {}) {
    super(
      {
        inputSize: 336,
        patchLength: null,
        dModel: 32,
        heads: 4,
        layers: 2,
        ffn: 64,
        levels: [80, 95],
        epochs: 16,
        windowsPerSeries: 64,
        batchSize: 256,
        learningRate: 3e-3,
        maxSeconds: null,
        backend: 'wasm',
        randomState: 0,
      },
      params,
    );
  }

  override validateParams(): void {
    super.validateParams();
    const { dModel, heads, levels } = this.params;
    if (dModel % heads !== 0)
      this.invalid('heads', `'dModel' (${dModel}) must be a multiple of 'heads' (${heads}).`);
    if (!levels.every((l) => typeof l === 'number' && l > 0 && l < 100))
      this.invalid('levels', "'levels' must be percentages between 0 and 100, e.g. [80, 95].");
  }

  async fitPanel(series: readonly Float64Array[], options: PanelFitOptions): Promise<this> {
    this.validateParams();
    const season = options.season ?? 1;
    const { horizon } = options;
    const p = this.params;
    if (
      !Array.isArray(series) ||
      series.length === 0 ||
      series.some((y) => y.length < horizon + 2 || !y.every(Number.isFinite))
    )
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind}.fitPanel needs series of finite values, each longer than the horizon + 1.`,
      );
    const tf = await useBackend(p.backend);
    const patch = p.patchLength ?? (season >= 2 && season <= 64 ? season : 8);
    const tokens = Math.ceil(p.inputSize / patch);
    const shape: NetworkShape = {
      tokens,
      patch,
      dModel: p.dModel,
      heads: p.heads,
      layers: p.layers,
      ffn: p.ffn,
      horizon,
      quantiles: 1 + 2 * p.levels.length,
      season,
    };
    this.quantiles_ = [
      ...p.levels.map((l) => (1 - l / 100) / 2),
      0.5,
      ...p.levels.map((l) => 1 - (1 - l / 100) / 2),
    ].sort((a, b) => a - b);
    const weights = toVariables(tf, initialWeights(shape, p.randomState));
    const steps = await this.train(tf, weights, shape, series, season, options);
    this.weights_ = await toValues(weights);
    for (const v of Object.values(weights)) v.dispose();
    this.season_ = season;
    this.shape_ = shape;
    this.steps_ = steps;
    this.tails_ = series.map((y) => y.slice(Math.max(0, y.length - tokens * patch)));
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Forecasts every series of the fitted panel: the median, and the quantiles of each fitted level. */
  async predictPanel(horizon: number, options: { levels?: readonly number[] } = {}): Promise<Forecast[]> {
    this.checkFitted();
    if (horizon > this.shape_.horizon || horizon < 1)
      this.invalid(
        'horizon',
        `This model forecasts 1 to ${this.shape_.horizon} steps; refit it for ${horizon}.`,
      );
    const levels = options.levels ?? this.params.levels;
    const missing = levels.filter((l) => !this.params.levels.includes(l));
    if (missing.length > 0)
      this.invalid('levels', `No quantile outputs for ${missing.join(', ')}%: refit with them in 'levels'.`);
    const tf = await useBackend(this.params.backend);
    const { tokens, patch } = this.shape_;
    const size = tokens * patch;
    const x = new Float32Array(this.tails_.length * size);
    const scales = this.tails_.map((y, i) => writeInput(y, y.length, size, this.season_, x, i * size));
    const weights = toVariables(tf, this.weights_);
    const out = tf.tidy(() => forward(tf, weights, this.shape_, tf.tensor2d(x, [this.tails_.length, size])));
    const values = await out.data();
    out.dispose();
    for (const v of Object.values(weights)) v.dispose();
    const q = this.quantiles_.length;
    const H = this.shape_.horizon;
    return scales.map((scale, i) => {
      const at = (h: number, k: number) => (values[(i * H + h) * q + k] + 1) * scale;
      // Quantile outputs can cross; sorting each step's outputs restores their order.
      const sorted = Array.from({ length: horizon }, (_, h) =>
        Float64Array.from({ length: q }, (_, k) => at(h, k)).sort(),
      );
      const column = (quantile: number) => {
        const k = this.quantiles_.findIndex((v) => Math.abs(v - quantile) < 1e-9);
        return Float64Array.from(sorted, (s) => s[k]);
      };
      const lower: Record<number, Float64Array> = {};
      const upper: Record<number, Float64Array> = {};
      for (const level of levels) {
        lower[level] = column((1 - level / 100) / 2);
        upper[level] = column(1 - (1 - level / 100) / 2);
      }
      return { mean: column(0.5), lower, upper };
    });
  }

  /** Adam on the pinball loss over seeded epochs of windows; the learning rate decays linearly to a tenth. */
  private async train(
    tf: typeof TF,
    weights: Weights,
    shape: NetworkShape,
    series: readonly Float64Array[],
    season: number,
    options: PanelFitOptions,
  ): Promise<number> {
    const { epochs, windowsPerSeries, batchSize, learningRate, maxSeconds, randomState } = this.params;
    const rng = new Rng(randomState + 1);
    const size = shape.tokens * shape.patch;
    const H = shape.horizon;
    const optimizer = tf.train.adam(learningRate);
    const perEpoch = Math.ceil((series.length * windowsPerSeries) / batchSize);
    const total = epochs * perEpoch;
    const started = performance.now();
    const list = Object.values(weights);
    let step = 0;
    try {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const pairs = epochOrigins(series, windowsPerSeries, H, season, rng);
        const count = pairs.length / 2;
        for (let from = 0; from < count; from += batchSize) {
          if (options.signal?.aborted) throw new MlError('ABORTED', 'Training was cancelled.');
          const b = Math.min(batchSize, count - from);
          const x = new Float32Array(b * size);
          const y = new Float32Array(b * H);
          for (let j = 0; j < b; j++) {
            const s = series[pairs[2 * (from + j)]];
            const t = pairs[2 * (from + j) + 1];
            writeTarget(s, t, H, writeInput(s, t, size, season, x, j * size), y, j * H);
          }
          (optimizer as unknown as { learningRate: number }).learningRate =
            learningRate * (1 - (0.9 * step) / total);
          const xs = tf.tensor2d(x, [b, size]);
          const ys = tf.tensor2d(y, [b, H]);
          const loss = optimizer.minimize(
            () => pinballLoss(tf, forward(tf, weights, shape, xs), ys, this.quantiles_),
            false,
            list,
          );
          loss?.dispose();
          xs.dispose();
          ys.dispose();
          step++;
          options.onProgress?.((0.99 * step) / total, `Training step ${step} of ${total}`);
          if (maxSeconds !== null && (performance.now() - started) / 1000 > maxSeconds) return step;
        }
      }
      return step;
    } finally {
      optimizer.dispose();
    }
  }

  private invalid(parameter: string, message: string): never {
    throw new MlError('INVALID_PARAMETER', `${this.kind}: ${message}`, {
      details: { kind: this.kind, parameter },
    });
  }

  protected override checkState(): void {
    this.expectState(
      Array.isArray(this.tails_) && this.tails_.every((t) => t instanceof Float64Array),
      'tails_ must hold one Float64Array per series',
    );
    this.expectState(
      typeof this.weights_ === 'object' && this.weights_ !== null && 'head.w' in this.weights_,
      'weights_ must hold the network',
    );
  }
}
