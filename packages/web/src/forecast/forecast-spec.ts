import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA_URL } from '../charts/colors';
import type { SeriesRecord } from './types';

const HISTORY_COLOR = '#495057'; // gray.7
const FORECAST_COLOR = '#0ca678'; // teal.7

interface Point {
  t: string | number;
  value: number;
  kind: 'history' | 'forecast';
}

interface Band {
  t: string | number;
  lo: number;
  hi: number;
  level: string;
}

/** The last `historyPoints` observations (default: five horizons, at least 60), the forecast (joined to the last observation) and one band per level. */
export function forecastChartData(series: SeriesRecord, historyPoints?: number) {
  const { history, forecast } = series;
  const shown = historyPoints ?? Math.max(60, 5 * forecast.mean.length);
  const start = Math.max(0, history.values.length - shown);
  const points: Point[] = history.times
    .slice(start)
    .map((t, i) => ({ t, value: history.values[start + i], kind: 'history' as const }));
  const last = points[points.length - 1];
  if (last) points.push({ ...last, kind: 'forecast' });
  forecast.times.forEach((t, k) => {
    points.push({ t, value: forecast.mean[k], kind: 'forecast' });
  });
  // Widest band first, so the narrower one is drawn on top of it.
  const levels = Object.keys(forecast.lower).sort((a, b) => Number(b) - Number(a));
  const bands: Band[] = levels.flatMap((level) =>
    forecast.times.map((t, k) => ({
      t,
      lo: forecast.lower[level][k],
      hi: forecast.upper[level][k],
      level: `${level}% interval`,
    })),
  );
  return { points, bands, levels };
}

/** History and forecast lines over time with shaded 80% / 95% prediction intervals. */
export function forecastSpec(
  series: SeriesRecord,
  options: { yTitle: string; temporal: boolean; unit?: string },
): TopLevelSpec {
  const { points, bands, levels } = forecastChartData(series);
  const x = options.temporal
    ? {
        field: 't',
        type: 'temporal' as const,
        title: null,
        // Times are UTC instants: show them as such, in one format for the run's frequency.
        scale: { type: 'utc' as const },
        axis: { format: timeFormat(options.unit), labelAngle: 0 },
      }
    : { field: 't', type: 'quantitative' as const, title: null, scale: { zero: false } };
  const bandLabels = levels.map((l) => `${l}% interval`);
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 280,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area', opacity: 1 },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative', title: options.yTitle, scale: { zero: false } },
          y2: { field: 'hi' },
          color: {
            field: 'level',
            type: 'nominal',
            title: null,
            scale: {
              domain: bandLabels,
              range: bandLabels.map((_, i) => (i === bandLabels.length - 1 ? '#63e6be' : '#c3fae8')),
            },
            legend: { orient: 'top' },
          },
        },
      },
      {
        data: { values: points },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: options.yTitle, scale: { zero: false } },
          stroke: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: ['history', 'forecast'], range: [HISTORY_COLOR, FORECAST_COLOR] },
            legend: { orient: 'top' },
          },
          tooltip: [
            options.temporal
              ? { field: 't', type: 'nominal', title: 'time (UTC)' }
              : { field: 't', type: 'quantitative', title: 'period' },
            { field: 'value', type: 'quantitative', format: ',.4~g' },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
    config: { view: { stroke: null } },
  } as TopLevelSpec;
}

/** An axis format for the frequency: hours show the time, months the year. */
export function timeFormat(unit: string | undefined): string {
  if (unit === 'hour' || unit === 'minute' || unit === 'second') return '%b %d %H:%M';
  if (unit === 'month' || unit === 'quarter') return '%b %Y';
  if (unit === 'year') return '%Y';
  return '%b %d';
}
