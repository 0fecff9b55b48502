/** Combination rows of the M4 table, scored from the members' forecasts rather than fitted again. */
import { HORIZON, type M4Hourly } from './m4-data';
import { type Row, score } from './score';

/** Combinations scored from the members' forecasts (what CombinationForecaster computes with the same members). */
const COMBINATIONS: [string, 'mean' | 'median', string[]][] = [
  ['median(ETS, AutoARIMA, Theta)', 'median', ['ETS', 'AutoARIMA', 'Theta']],
  ['mean(ETS, AutoARIMA)', 'mean', ['ETS', 'AutoARIMA']],
  ['mean(ETS, AutoARIMA, Theta)', 'mean', ['ETS', 'AutoARIMA', 'Theta']],
  ['median(ETS, AutoARIMA, SeasonalNaive)', 'median', ['ETS', 'AutoARIMA', 'SeasonalNaive']],
  ['mean(ETS, AutoARIMA, SeasonalNaive)', 'mean', ['ETS', 'AutoARIMA', 'SeasonalNaive']],
  ['median(ETS, AutoARIMA, MSTL-ETS)', 'median', ['ETS', 'AutoARIMA', 'MSTL-ETS']],
  ['mean(ETS, AutoARIMA, MSTL-ETS)', 'mean', ['ETS', 'AutoARIMA', 'MSTL-ETS']],
  ['mean(AutoARIMA, MSTL-ETS)', 'mean', ['AutoARIMA', 'MSTL-ETS']],
  ['median(AutoARIMA, MSTL-ETS, SeasonalNaive)', 'median', ['AutoARIMA', 'MSTL-ETS', 'SeasonalNaive']],
  ['median(SeasonalNaive, MSTL-ETS)', 'median', ['SeasonalNaive', 'MSTL-ETS']],
  ['median(SeasonalNaive, MSTL-ETS, MSTL-Theta)', 'median', ['SeasonalNaive', 'MSTL-ETS', 'MSTL-Theta']],
  [
    'median(SeasonalNaive, AutoARIMA, MSTL-ETS, MSTL-Theta)',
    'median',
    ['SeasonalNaive', 'AutoARIMA', 'MSTL-ETS', 'MSTL-Theta'],
  ],
  ['mean(SES, Holt, Damped) (M4 Comb)', 'mean', ['SES', 'Holt', 'Damped']],
];

/**
 * Appends a row for each combination whose members all ran (`forecasts` by model name); its seconds are the
 * members' sum.
 */
export function addCombinationRows(
  rows: Row[],
  forecasts: Map<string, Float64Array[]>,
  data: M4Hourly,
  n: number,
): void {
  for (const [name, how, members] of COMBINATIONS) {
    if (!members.every((m) => forecasts.has(m))) continue;
    const parts = members.map((m) => forecasts.get(m) as Float64Array[]);
    const combined = parts[0].map((_, i) =>
      Float64Array.from({ length: HORIZON }, (_, h) => {
        const values = parts.map((p) => p[i][h]).sort((a, b) => a - b);
        if (how === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
        const mid = values.length >> 1;
        return values.length % 2 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
      }),
    );
    const seconds = members.reduce((sum, m) => sum + (rows.find((r) => r.name === m)?.seconds ?? 0), 0);
    rows.push({ ...score(name, combined, data, n), seconds, source: 'combination' });
  }
}
