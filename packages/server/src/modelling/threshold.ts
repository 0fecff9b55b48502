export type ThresholdGoal =
  | { metric: 'f1' }
  | { metric: 'recall_at_precision'; minPrecision: number }
  | { metric: 'min_cost'; costFalsePositive: number; costFalseNegative: number };

export interface ThresholdCounts {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface ThresholdPoint extends ThresholdCounts {
  precision: number;
  recall: number;
  f1: number;
  cost?: number;
}

export interface ThresholdTuning {
  goal: ThresholdGoal;
  positiveClass: string;
  threshold: number;
  value: number | null;
  curve: ThresholdPoint[];
}

/** Thresholds 0.00, 0.01, … 1.00: fine enough for a plot and for choosing, and small enough to store. */
export const STEPS = 100;

/**
 * Confusion counts at every threshold k/100, predicting positive when p ≥ k/100. Each row is counted once, at
 * the highest threshold it passes, and the counts are summed from the top: O(n + 100), not O(100·n).
 */
export function thresholdCounts(isPositive: Uint8Array, probability: Float64Array): ThresholdCounts[] {
  const pos = new Float64Array(STEPS + 2);
  const neg = new Float64Array(STEPS + 2);
  let positives = 0;
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i];
    // The highest k with p ≥ k/100 (compared exactly, not through p·100, which rounds 0.29 to 28.999…).
    let k = Math.min(STEPS, Math.max(0, Math.floor(p * STEPS)));
    while (k < STEPS && p >= (k + 1) / STEPS) k++;
    while (k >= 0 && p < k / STEPS) k--;
    // k = −1 only for p < 0, which probabilities never are; such a row is predicted negative everywhere.
    if (isPositive[i]) {
      positives++;
      if (k >= 0) pos[k]++;
    } else if (k >= 0) neg[k]++;
  }
  const negatives = probability.length - positives;
  const out: ThresholdCounts[] = new Array(STEPS + 1);
  let tp = 0;
  let fp = 0;
  for (let k = STEPS; k >= 0; k--) {
    tp += pos[k];
    fp += neg[k];
    out[k] = { threshold: k / STEPS, tp, fp, tn: negatives - fp, fn: positives - tp };
  }
  return out;
}

/** Precision, recall, F1 (0 where undefined, as scikit-learn's zero_division=0) and the cost, at each threshold. */
export function thresholdCurve(counts: readonly ThresholdCounts[], goal: ThresholdGoal): ThresholdPoint[] {
  return counts.map((c) => {
    const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
    const f1 = 2 * c.tp + c.fp + c.fn === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
    const point: ThresholdPoint = { ...c, precision, recall, f1 };
    if (goal.metric === 'min_cost')
      point.cost = c.fp * goal.costFalsePositive + c.fn * goal.costFalseNegative;
    return point;
  });
}

/**
 * The threshold that best meets the goal on out-of-fold probabilities: the highest F1; the highest recall among
 * thresholds whose precision reaches `minPrecision` (ties: the highest such threshold); the lowest total cost.
 * Other ties go to the threshold nearest 0.5, the usual default. With no threshold meeting the precision,
 * 0.5 is kept and `value` is null.
 */
export function tuneThreshold(
  counts: readonly ThresholdCounts[],
  goal: ThresholdGoal,
  positiveClass: string,
): ThresholdTuning {
  const curve = thresholdCurve(counts, goal);
  let best: ThresholdPoint | null = null;
  let bestValue = Number.NaN;
  const nearer = (a: ThresholdPoint, b: ThresholdPoint) =>
    Math.abs(a.threshold - 0.5) < Math.abs(b.threshold - 0.5);
  for (const point of curve) {
    let value: number;
    if (goal.metric === 'f1') value = point.f1;
    else if (goal.metric === 'min_cost') value = -(point.cost as number);
    else {
      if (point.tp + point.fp === 0 || point.precision < goal.minPrecision) continue;
      value = point.recall;
    }
    const tie = best !== null && value === bestValue;
    const wins =
      best === null ||
      value > bestValue ||
      (tie &&
        (goal.metric === 'recall_at_precision' ? point.threshold > best.threshold : nearer(point, best)));
    if (wins) {
      best = point;
      bestValue = value;
    }
  }
  if (best === null) return { goal, positiveClass, threshold: 0.5, value: null, curve };
  return {
    goal,
    positiveClass,
    threshold: best.threshold,
    value: goal.metric === 'min_cost' ? (best.cost as number) : bestValue,
    curve,
  };
}
