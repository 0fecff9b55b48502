import { Rng } from '@quarry/ml';

/**
 * The distributions the generators draw from, all on top of @quarry/ml's seeded `Rng` (xoshiro128**), so the
 * same seed gives the same stream in Node and in the browser. Nothing here calls `Math.random`.
 */
export class LabRandom {
  readonly #rng: Rng;
  #spare: number | null = null;

  constructor(seed: number) {
    this.#rng = new Rng(seed);
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.#rng.nextFloat();
  }

  /** An integer uniform in [low, high] (both ends included). */
  int(low: number, high: number): number {
    return low + this.#rng.nextInt(high - low + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.#rng.nextFloat() < p;
  }

  /** Standard normal by the polar Box–Muller method (deterministic: it only consumes the seeded stream). */
  normal(mean = 0, sd = 1): number {
    if (this.#spare !== null) {
      const z = this.#spare;
      this.#spare = null;
      return mean + sd * z;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.#rng.nextFloat() - 1;
      v = 2 * this.#rng.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * f;
    return mean + sd * u * f;
  }

  /** Log-normal with the given median and log-scale standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Poisson count (Knuth's method for small means, a rounded normal above 30, which is plenty for sales). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.#rng.nextFloat();
    while (p > limit) {
      k++;
      p *= this.#rng.nextFloat();
    }
    return k;
  }

  /** One of the values, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[this.#rng.nextInt(values.length)];
  }

  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.#rng.nextFloat() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    return this.#rng.permutation(n);
  }
}

/** Rounds to a number of decimals, so the CSV shows realistic precision (cents, tenths of a m²). */
export function round(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The intercept b that makes the mean of sigmoid(b + score) equal `rate`, by bisection. The generators use it to
 * hit a stated class balance exactly in expectation whatever the other coefficients are.
 */
export function interceptForRate(scores: ArrayLike<number>, rate: number): number {
  let low = -30;
  let high = 30;
  for (let it = 0; it < 100; it++) {
    const mid = (low + high) / 2;
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += sigmoid(mid + scores[i]);
    if (sum / scores.length < rate) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const DAY_MS = 86_400_000;

/** The ISO date (YYYY-MM-DD) `days` after `start` (an ISO date), in UTC so no time zone can shift it. */
export function addDays(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
