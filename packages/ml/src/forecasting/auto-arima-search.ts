import { type AbortSignalLike, throwIfAborted } from '../core/fit-options';
import { type ArimaFit, type ArimaMethod, type ArimaSpec, fitArima, rootsOutside } from './arima-fit';

export interface StepwiseOptions {
  d: number;
  D: number;
  m: number;
  maxP: number;
  maxQ: number;
  maxSP: number;
  maxSQ: number;
  /** Whether a mean/drift term is allowed (d + D <= 1). */
  allowConstant: boolean;
  ic: 'aicc' | 'aic' | 'bic';
  /** The estimation used while searching ('CSS' when approximating, as R for long or high-frequency series). */
  searchMethod: ArimaMethod;
  finalMethod: ArimaMethod;
  maxModels: number;
  signal?: AbortSignalLike;
  onModel?: (count: number) => void;
}

const MAX_REFITS = 3;

type Key = [p: number, q: number, P: number, Q: number, constant: boolean];

/**
 * The stepwise order search of Hyndman & Khandakar, "Automatic time series forecasting: the forecast package for
 * R" (JSS 27, 2008), in the order R's `auto.arima` visits models: four (or five) starting models, then moves of
 * P, Q, (P,Q), p, q, (p,q) by ±1 and toggling the constant, taking the first move that lowers the criterion,
 * until none does. Models whose AR or MA roots come within 1.01 of the unit circle are rejected. When searching
 * with an approximation the best models are refitted in order until one fits without it.
 */
export function stepwiseArima(y: Float64Array, options: StepwiseOptions): ArimaFit | null {
  const { d, D, m, maxP, maxQ, maxSP, maxSQ, ic } = options;
  const seen: { key: Key; ic: number }[] = [];
  const icOf = (fit: ArimaFit | null) => (fit === null ? Number.POSITIVE_INFINITY : fit[ic]);
  const fitModel = (key: Key, method: ArimaMethod): ArimaFit | null => {
    throwIfAborted(options.signal);
    const spec: ArimaSpec = {
      order: { p: key[0], d, q: key[1], P: key[2], D, Q: key[3], m },
      constant: key[4],
    };
    const fit = fitArima(y, spec, method, options.signal);
    if (fit === null) return null;
    if (!rootsOutside(fit.ar, -1, 1.01) || !rootsOutside(fit.ma, 1, 1.01)) return null;
    return fit;
  };
  const isNew = (key: Key) => !seen.some((s) => s.key.every((v, i) => v === key[i]));
  let best: ArimaFit | null = null;
  let bestIc = Number.POSITIVE_INFINITY;
  let current: Key = [
    Math.min(2, maxP),
    Math.min(2, maxQ),
    Math.min(1, maxSP),
    Math.min(1, maxSQ),
    options.allowConstant,
  ];
  const tryModel = (key: Key): boolean => {
    if (!isNew(key) || seen.length >= options.maxModels) return false;
    const fit = fitModel(key, options.searchMethod);
    const value = icOf(fit);
    seen.push({ key, ic: value });
    options.onModel?.(seen.length);
    if (value < bestIc) {
      best = fit;
      bestIc = value;
      current = key;
      return true;
    }
    return false;
  };
  const c = options.allowConstant;
  tryModel(current);
  tryModel([0, 0, 0, 0, c]);
  if (maxP > 0 || maxSP > 0) tryModel([maxP > 0 ? 1 : 0, 0, m > 1 && maxSP > 0 ? 1 : 0, 0, c]);
  if (maxQ > 0 || maxSQ > 0) tryModel([0, maxQ > 0 ? 1 : 0, 0, m > 1 && maxSQ > 0 ? 1 : 0, c]);
  if (c) tryModel([0, 0, 0, 0, false]);
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let improved = true;
  while (improved && seen.length < options.maxModels) {
    improved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const [p, q, P, Q, k] = current;
      const key: Key = [p + dp, q + dq, P + dP, Q + dQ, k];
      if (key[0] < 0 || key[1] < 0 || key[2] < 0 || key[3] < 0) continue;
      if (key[0] > maxP || key[1] > maxQ || key[2] > maxSP || key[3] > maxSQ) continue;
      if (tryModel(key)) {
        improved = true;
        break;
      }
    }
    if (!improved && c) {
      const [p, q, P, Q, k] = current;
      improved = tryModel([p, q, P, Q, !k]);
    }
  }
  if (options.searchMethod === options.finalMethod) return best;
  // Refit without the approximation, best first, until one succeeds. R tries every model; we stop after
  // `MAX_REFITS` (each exact fit of a seasonal model costs seconds) and keep the approximate winner instead.
  const order = seen.filter((s) => Number.isFinite(s.ic)).sort((a, b) => a.ic - b.ic);
  for (const { key } of order.slice(0, MAX_REFITS)) {
    const fit = fitModel(key, options.finalMethod);
    if (fit !== null && Number.isFinite(icOf(fit))) return fit;
  }
  return best;
}
