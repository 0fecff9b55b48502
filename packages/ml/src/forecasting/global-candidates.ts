import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import { ETS } from './ets';
import type { Forecaster } from './forecaster';
import { GlobalGbdtForecaster, type GlobalGbdtParams } from './global-gbdt-forecaster';
import { mase } from './mase';
import { SeasonalNaive } from './seasonal-naive';
import { smape } from './smape';
import { STLForecaster } from './stl-forecaster';
import { Theta } from './theta';

/** The models `AutoPanelForecaster` may choose among (and combine). */
export const PANEL_CANDIDATES = [
  'GlobalGbdt',
  'SeasonalNaive',
  'MSTL-ETS',
  'MSTL-Theta',
  'Theta',
  'ETS',
] as const;
export type PanelCandidate = (typeof PANEL_CANDIDATES)[number];

/** A fitted candidate: one global model for the panel, or one local model per series. */
export interface FittedCandidate {
  name: PanelCandidate;
  global: GlobalGbdtForecaster | null;
  local: (Estimator & Forecaster)[];
}

/** Seasonal periods for the MSTL candidates: the season and, for long enough series, the 7-season week. */
function mstlPeriods(season: number): number[] {
  return season > 1 ? [season, 7 * season] : [];
}

function makeLocal(name: Exclude<PanelCandidate, 'GlobalGbdt'>, season: number): Estimator & Forecaster {
  switch (name) {
    case 'SeasonalNaive':
      return new SeasonalNaive();
    case 'MSTL-ETS':
      return new STLForecaster({ periods: mstlPeriods(season) });
    case 'MSTL-Theta':
      return new STLForecaster({ periods: mstlPeriods(season), method: 'theta' });
    case 'Theta':
      return new Theta();
    case 'ETS':
      return new ETS();
  }
}

/**
 * Fits one candidate on every series. A local model that cannot fit a series (too short, say) is replaced by
 * seasonal naive for that series, so one odd series never sinks the panel; cancellation still stops everything.
 */
export function fitCandidate(
  name: PanelCandidate,
  series: readonly Float64Array[],
  season: number,
  horizon: number,
  gbdt: Partial<GlobalGbdtParams>,
  options: FitOptions,
): FittedCandidate {
  if (name === 'GlobalGbdt') {
    const global = new GlobalGbdtForecaster({ ...gbdt, intervals: false });
    return { name, global: global.fitPanel(series, { ...options, season, horizon }), local: [] };
  }
  const local = series.map((y, i) => {
    throwIfAborted(options.signal);
    const sub = subTaskOptions(options, i / series.length, (i + 1) / series.length);
    try {
      return makeLocal(name, season).fit(y, { ...sub, season });
    } catch (error) {
      if (error instanceof MlError && error.code === 'ABORTED') throw error;
      return new SeasonalNaive().fit(y, { season: y.length >= season ? season : 1 });
    }
  });
  return { name, global: null, local };
}

/** Point forecasts of a fitted candidate, one per series. */
export function candidateForecasts(candidate: FittedCandidate, horizon: number): Float64Array[] {
  if (candidate.global) return candidate.global.predictPanel(horizon, { levels: [] }).map((f) => f.mean);
  return candidate.local.map((model) => model.predict(horizon, { levels: [] }).mean);
}

/** A combination: the median or mean of some candidates' forecasts (a single candidate is its own forecast). */
export interface Combination {
  members: PanelCandidate[];
  combine: 'median' | 'mean';
}

/** Every single candidate, and the median and the mean of every subset of two or more. */
export function allCombinations(names: readonly PanelCandidate[]): Combination[] {
  const out: Combination[] = names.map((n) => ({ members: [n], combine: 'mean' as const }));
  for (let mask = 1; mask < 1 << names.length; mask++) {
    const members = names.filter((_, i) => mask & (1 << i));
    if (members.length < 2) continue;
    out.push({ members, combine: 'median' }, { members, combine: 'mean' });
  }
  return out;
}

export function combinationName(c: Combination): string {
  return c.members.length === 1 ? c.members[0] : `${c.combine}(${c.members.join(', ')})`;
}

/** Combines member forecasts of one series step by step. */
export function combineForecasts(parts: readonly Float64Array[], how: 'median' | 'mean'): Float64Array {
  const horizon = parts[0].length;
  const column = new Float64Array(parts.length);
  return Float64Array.from({ length: horizon }, (_, h) => {
    for (let k = 0; k < parts.length; k++) column[k] = parts[k][h];
    if (how === 'mean') return column.reduce((a, b) => a + b, 0) / column.length;
    const sorted = column.slice().sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  });
}

/**
 * The M4 score of forecasts against held-out values, per series: ½(sMAPE / sMAPE_ref + MASE / MASE_ref), where
 * the reference is seasonal naive's panel mean — an OWA with seasonal naive in Naive2's place.
 */
export function relativeScores(
  forecasts: readonly Float64Array[],
  actual: readonly Float64Array[],
  insample: readonly Float64Array[],
  season: number,
  reference: { smape: number; mase: number },
): Float64Array {
  return Float64Array.from(forecasts, (f, i) => {
    const s = smape(actual[i], f) / Math.max(reference.smape, 1e-12);
    const m = mase(actual[i], f, insample[i], season) / Math.max(reference.mase, 1e-12);
    return 0.5 * (s + (Number.isFinite(m) ? m : 0));
  });
}
