import { Matrix, rocAucOvr, rocAucScore, rootMeanSquaredError } from '@quarry/ml';
import type { BlendInput, BlendOutput } from './types';

const ROUNDS = 25;

/**
 * Greedy ensemble selection (Caruana et al., "Ensemble selection from libraries of models", ICML 2004), in a
 * worker: start from nothing and, ROUNDS times, add (with replacement) the family whose addition gives the best
 * out-of-fold score of the averaged predictions. The counts become the weights. Out-of-fold predictions come
 * from the same folds for every family, so the comparison is fair and no row scores a model that saw it.
 */
export function blend(input: BlendInput): BlendOutput {
  const { families, oof, y, nClasses } = input;
  const n = y.length;
  const score = (pred: Float64Array) => blendScore(pred, y, nClasses);
  const single = families.map((_, f) => score(oof[f]));
  const counts = new Int32Array(families.length);
  const sum = new Float64Array(oof[0].length);
  let best = Number.NEGATIVE_INFINITY;
  for (let round = 1; round <= ROUNDS; round++) {
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    for (let f = 0; f < families.length; f++) {
      const trial = Float64Array.from(sum, (v, i) => (v + oof[f][i]) / round);
      const s = score(trial);
      if (s > pickScore) {
        pickScore = s;
        pick = f;
      }
    }
    counts[pick]++;
    for (let i = 0; i < sum.length; i++) sum[i] += oof[pick][i];
    best = Math.max(best, pickScore);
  }
  void n;
  const weights: Record<string, number> = {};
  families.forEach((family, f) => {
    if (counts[f] > 0) weights[family] = counts[f] / ROUNDS;
  });
  const averaged = Float64Array.from(sum, (v) => v / ROUNDS);
  return {
    weights,
    ensembleScore: score(averaged),
    singleScores: Object.fromEntries(families.map((family, f) => [family, single[f]])),
  };
}

/** ROC AUC (one-vs-rest macro for several classes) or −RMSE, on out-of-fold predictions: larger is better. */
function blendScore(pred: Float64Array, y: Int32Array | Float64Array, nClasses: number): number {
  if (nClasses === 0) return -rootMeanSquaredError(y as Float64Array, pred);
  const n = y.length;
  if (nClasses === 2) return rocAucScore(y as Int32Array, pred.subarray(n, 2 * n));
  return rocAucOvr(y as Int32Array, new Matrix(n, nClasses, pred));
}
