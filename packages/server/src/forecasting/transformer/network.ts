import { Rng } from '@quarry/ml';
import type * as TF from '@tensorflow/tfjs';

/** The shape of the encoder: patches of the input window are its tokens. */
export interface NetworkShape {
  /** Tokens per window (input size / patch length). */
  tokens: number;
  patch: number;
  dModel: number;
  heads: number;
  layers: number;
  ffn: number;
  horizon: number;
  quantiles: number;
  /** The season the seasonal-naive baseline repeats (1: the last value). */
  season: number;
}

/** The weights as plain arrays (what the saved state holds), by name. */
export type WeightValues = Record<string, { shape: number[]; values: number[] }>;

/**
 * Seeded initial weights: Glorot-uniform matrices from Quarry's own `Rng` (tfjs initialisers draw from a global
 * seed and differ by backend), zero biases, unit layer-norm gains. Same seed → the same network, bit for bit.
 */
export function initialWeights(shape: NetworkShape, seed: number): WeightValues {
  const rng = new Rng(seed);
  const { tokens, patch, dModel: d, layers, ffn, horizon, quantiles } = shape;
  const out: WeightValues = {};
  const glorot = (name: string, rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    out[name] = {
      shape: [rows, cols],
      values: Array.from({ length: rows * cols }, () => (2 * rng.nextFloat() - 1) * limit),
    };
  };
  const fill = (name: string, size: number, value: number) => {
    out[name] = { shape: [size], values: new Array(size).fill(value) };
  };
  glorot('embed.w', patch, d);
  fill('embed.b', d, 0);
  out.position = {
    shape: [tokens, d],
    values: Array.from({ length: tokens * d }, () => 0.02 * (2 * rng.nextFloat() - 1)),
  };
  for (let l = 0; l < layers; l++) {
    for (const m of ['q', 'k', 'v', 'o']) glorot(`l${l}.${m}`, d, d);
    fill(`l${l}.ln1.g`, d, 1);
    fill(`l${l}.ln1.b`, d, 0);
    fill(`l${l}.ln2.g`, d, 1);
    fill(`l${l}.ln2.b`, d, 0);
    glorot(`l${l}.ff1.w`, d, ffn);
    fill(`l${l}.ff1.b`, ffn, 0);
    glorot(`l${l}.ff2.w`, ffn, d);
    fill(`l${l}.ff2.b`, d, 0);
  }
  fill('ln.g', d, 1);
  fill('ln.b', d, 0);
  // A zero head: the untrained network forecasts the seasonal-naive baseline exactly and learns corrections to it.
  fill('head.w', tokens * d * horizon * quantiles, 0);
  out['head.w'].shape = [tokens * d, horizon * quantiles];
  fill('head.b', horizon * quantiles, 0);
  return out;
}

export type Weights = Record<string, TF.Variable>;

export function toVariables(tf: typeof TF, values: WeightValues): Weights {
  return Object.fromEntries(
    Object.entries(values).map(([name, w]) => [
      name,
      tf.variable(tf.tensor(w.values, w.shape, 'float32'), true, undefined),
    ]),
  );
}

export async function toValues(weights: Weights): Promise<WeightValues> {
  const out: WeightValues = {};
  for (const [name, v] of Object.entries(weights))
    out[name] = { shape: v.shape, values: Array.from(await v.data()) };
  return out;
}

function layerNorm(tf: typeof TF, x: TF.Tensor, g: TF.Tensor, b: TF.Tensor): TF.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(g).add(b);
}

/**
 * The encoder-only Transformer: each patch of the normalised window is embedded linearly, a learned position
 * embedding is added, `layers` pre-norm blocks of multi-head self-attention and a ReLU feed-forward follow, and
 * one linear head maps all tokens to every (step, quantile) at once — a direct multi-output forecast, added to
 * the seasonal-naive baseline of the window (so the network learns corrections to seasonal naive).
 * `x` is [batch, tokens·patch]; the result is [batch, horizon, quantiles].
 */
export function forward(tf: typeof TF, w: Weights, shape: NetworkShape, x: TF.Tensor2D): TF.Tensor3D {
  const { tokens, patch, dModel: d, heads, layers, horizon, quantiles } = shape;
  const batch = x.shape[0];
  const dh = d / heads;
  const flat = (t: TF.Tensor) => t.reshape([batch * tokens, d]);
  let h: TF.Tensor = x
    .reshape([batch * tokens, patch])
    .matMul(w['embed.w'])
    .add(w['embed.b'])
    .reshape([batch, tokens, d])
    .add(w.position);
  const split = (t: TF.Tensor) =>
    t
      .reshape([batch, tokens, heads, dh])
      .transpose([0, 2, 1, 3])
      .reshape([batch * heads, tokens, dh]);
  for (let l = 0; l < layers; l++) {
    const n1 = flat(layerNorm(tf, h, w[`l${l}.ln1.g`], w[`l${l}.ln1.b`]));
    const q = split(n1.matMul(w[`l${l}.q`]));
    const k = split(n1.matMul(w[`l${l}.k`]));
    const v = split(n1.matMul(w[`l${l}.v`]));
    const attention = tf.softmax(tf.matMul(q, k, false, true).mul(1 / Math.sqrt(dh)));
    const mixed = tf
      .matMul(attention, v)
      .reshape([batch, heads, tokens, dh])
      .transpose([0, 2, 1, 3])
      .reshape([batch * tokens, d]);
    h = h.add(mixed.matMul(w[`l${l}.o`]).reshape([batch, tokens, d]));
    const n2 = flat(layerNorm(tf, h, w[`l${l}.ln2.g`], w[`l${l}.ln2.b`]));
    const ff = n2
      .matMul(w[`l${l}.ff1.w`])
      .add(w[`l${l}.ff1.b`])
      .relu()
      .matMul(w[`l${l}.ff2.w`])
      .add(w[`l${l}.ff2.b`]);
    h = h.add(ff.reshape([batch, tokens, d]));
  }
  const out = layerNorm(tf, h, w['ln.g'], w['ln.b'])
    .reshape([batch, tokens * d])
    .matMul(w['head.w'])
    .add(w['head.b']);
  // The last season of the window, repeated over the horizon (seasonal naive in normalised units).
  const period = Math.min(shape.season, tokens * patch);
  const last = x.slice([0, tokens * patch - period], [batch, period]);
  const baseline = tf.tile(last, [1, Math.ceil(horizon / period)]).slice([0, 0], [batch, horizon]);
  return out.reshape([batch, horizon, quantiles]).add(baseline.expandDims(2)) as TF.Tensor3D;
}

/** The mean pinball (quantile) loss over steps and quantiles; at q = 0.5 it is half the absolute error. */
export function pinballLoss(
  tf: typeof TF,
  predicted: TF.Tensor3D,
  target: TF.Tensor2D,
  quantiles: number[],
): TF.Scalar {
  const q = tf.tensor(quantiles, [1, 1, quantiles.length]);
  const error = target.expandDims(2).sub(predicted);
  return tf.maximum(error.mul(q), error.mul(q.sub(1))).mean() as TF.Scalar;
}
