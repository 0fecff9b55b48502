import { backtest, classicalDecomposition, ETS, rollingOriginFolds, SeasonalNaive, stl } from '@quarry/ml';
import { labData, memo, round } from './lab-data';

export const DEMAND_STORE = 'S03';

/** The demand lab's products, in code order, for the lesson's product picker. */
export function demandProducts(): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const row of labData('retail-demand').rows)
    names.set(String(row.product_id), String(row.product_name));
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id));
}

export interface DemandSeries {
  product: string;
  productName: string;
  dates: string[];
  units: Float64Array;
  /** Calendar days with no sales rows (store closed, tills down), filled with the same weekday a week earlier. */
  filledDays: number;
}

/** One store's daily unit sales of one product over the whole calendar, gaps filled, for the series lessons. */
export const demandSeries = (product: string): DemandSeries => seriesMemo(product);

const seriesMemo = memo((product) => {
  const rows = labData('retail-demand').rows.filter(
    (r) => r.store_id === DEMAND_STORE && r.product_id === product,
  );
  if (rows.length === 0) throw new Error(`The demand lab has no product '${product}'.`);
  const byDate = new Map(rows.map((r) => [r.date as string, Number(r.units_sold)]));
  const first = new Date(`${rows[0].date}T00:00:00Z`).getTime();
  const last = new Date(`${rows[rows.length - 1].date}T00:00:00Z`).getTime();
  const days = Math.round((last - first) / 86_400_000) + 1;
  const dates = Array.from({ length: days }, (_, d) =>
    new Date(first + d * 86_400_000).toISOString().slice(0, 10),
  );
  const units = new Float64Array(days);
  let filledDays = 0;
  dates.forEach((date, d) => {
    const value = byDate.get(date);
    if (value !== undefined) units[d] = value;
    else {
      filledDays++;
      units[d] = d >= 7 ? units[d - 7] : Number.NaN;
    }
  });
  // A gap in the first week takes the value a week later instead.
  for (let d = 6; d >= 0; d--) if (Number.isNaN(units[d])) units[d] = units[d + 7];
  return { product, productName: String(rows[0].product_name), dates, units, filledDays };
});

export interface DecompositionResult {
  method: 'stl' | 'classical';
  /** The last 16 weeks, for the chart: the series and its three parts. */
  points: { date: string; observed: number; trend: number; seasonal: number; remainder: number }[];
  /** Strength of the weekly season, max(0, 1 − Var(R) / Var(S + R)) (Wang, Smith & Hyndman): near 1 = strong. */
  strength: number;
  /** The weekly pattern: average seasonal effect per weekday, Monday first. */
  weekday: { day: string; effect: number }[];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The time-series lesson, first part: split a product's daily sales into trend, weekly season and remainder,
 * with STL (robust local regression, the season may drift) or the classical moving-average decomposition.
 */
export const decomposeDemand = (options: {
  product: string;
  method: 'stl' | 'classical';
}): DecompositionResult => decomposeMemo(`${options.product}|${options.method}`);

const decomposeMemo = memo((key) => {
  const [product, method] = key.split('|') as [string, 'stl' | 'classical'];
  const { dates, units } = demandSeries(product);
  const parts =
    method === 'stl'
      ? stl(units, 7, { seasonalWindow: 13, robust: true })
      : classicalDecomposition(units, 7, 'additive');
  const n = units.length;
  const from = n - 16 * 7;
  const points = Array.from({ length: n - from }, (_, k) => {
    const i = from + k;
    return {
      date: dates[i],
      observed: units[i],
      trend: round(parts.trend[i], 2),
      seasonal: round(parts.seasonal[i], 2),
      remainder: round(parts.remainder[i], 2),
    };
  });
  const effect = new Float64Array(7);
  const count = new Float64Array(7);
  dates.forEach((date, i) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    effect[day] += parts.seasonal[i];
    count[day]++;
  });
  const order = [1, 2, 3, 4, 5, 6, 0];
  const ok = Array.from(parts.remainder.keys()).filter((i) => Number.isFinite(parts.remainder[i]));
  const variance = (values: number[]) => {
    const m = values.reduce((a, v) => a + v, 0) / values.length;
    return values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length;
  };
  const varR = variance(ok.map((i) => parts.remainder[i]));
  const varSR = variance(ok.map((i) => parts.seasonal[i] + parts.remainder[i]));
  return {
    method,
    points,
    strength: Math.max(0, Math.min(1, 1 - varR / varSR)),
    weekday: order.map((d) => ({ day: WEEKDAYS[d], effect: round(effect[d] / count[d], 2) })),
  };
});

export interface BacktestResult {
  horizon: number;
  folds: number;
  /** Mean absolute error over every fold and step, per model. */
  mae: { seasonalNaive: number; ets: number };
  /** MAE at each step ahead, per model. */
  perStep: { step: number; seasonalNaive: number; ets: number }[];
  /** The last fold: what happened and what each model said. */
  lastFold: { date: string; actual: number; seasonalNaive: number; ets: number }[];
}

/**
 * The time-series lesson, second part: a walk-forward backtest — 8 origins a week apart, each model refitted on
 * everything before the origin and asked for the next `horizon` days — of the seasonal naive forecast (same
 * weekday last week) and additive ETS with a weekly season. Errors grow with the horizon; the comparison is only
 * fair because both models see the same folds and never a day after their origin.
 */
export const walkForward = (options: { product: string; horizon: number }): BacktestResult =>
  backtestMemo(`${options.product}|${options.horizon}`);

const backtestMemo = memo((key) => {
  const [product, h] = key.split('|');
  const horizon = Math.min(28, Math.max(1, Math.round(Number(h))));
  const { dates, units } = demandSeries(product);
  const folds = rollingOriginFolds(units.length, { horizon, folds: 8, step: 7 });
  const naive = backtest(() => new SeasonalNaive(), units, folds, { season: 7 });
  const ets = backtest(() => new ETS({ error: 'A', trend: 'N', seasonal: 'A' }), units, folds, { season: 7 });
  const avg = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const last = folds[folds.length - 1];
  return {
    horizon,
    folds: folds.length,
    mae: { seasonalNaive: avg(naive.perHorizon.mae), ets: avg(ets.perHorizon.mae) },
    perStep: Array.from(naive.perHorizon.mae, (v, k) => ({
      step: k + 1,
      seasonalNaive: round(v, 2),
      ets: round(ets.perHorizon.mae[k], 2),
    })),
    lastFold: Array.from({ length: horizon }, (_, k) => ({
      date: dates[last.trainEnd + k],
      actual: units[last.trainEnd + k],
      seasonalNaive: round(naive.folds[naive.folds.length - 1].forecast.mean[k], 1),
      ets: round(ets.folds[ets.folds.length - 1].forecast.mean[k], 1),
    })),
  };
});
