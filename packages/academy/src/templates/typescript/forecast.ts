// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are generated TypeScript, `${…}` included.
import { comment, ts } from '../code';
import type { TemplateContext } from '../context';
import { forecastSettings } from '../python/forecast';
import type { StepCode } from '../types';
import { typescriptLoad } from './load';
import { typescriptClean } from './recipe';

/**
 * The forecasting lab with @quarry/ml: each series on a regular grid (gaps interpolated, as the Forecast page
 * does), the seasonal naive baseline backtested walk-forward with the library's own folds and backtest (the
 * studio's code path), and the next horizon forecast.
 */
export function typescriptForecast(ctx: TemplateContext): StepCode[] {
  const s = forecastSettings(ctx);
  const imports = [
    "import { readFileSync, writeFileSync } from 'node:fs';",
    "import { backtest, rollingOriginFolds, SeasonalNaive } from '@quarry/ml';",
  ];
  const explore = [
    comment('//', 'Step 3 · Explore — the settings of your forecast on the Forecast page.'),
    `const TIME = ${ts(s.time)};`,
    `const VALUE = ${ts(s.value)};`,
    `const SERIES: string | null = ${ts(s.series)};`,
    `const HORIZON = ${s.horizon};`,
    `const FOLDS = ${s.folds};`,
    `const SEASON = ${s.season};`,
    "console.log(`${data.length} rows; forecasting ${VALUE} by ${TIME}${SERIES ? ` for each ${SERIES}` : ''}`);",
  ].join('\n');
  const prepare = [
    comment(
      '//',
      'Step 4 · Prepare — each series on its time grid; a missing time is filled by linear interpolation.',
    ),
    'function onGrid(rows: Row[]): Float64Array {',
    '  const points = rows',
    '    .map((row) => [time(row[TIME]), num(row[VALUE])] as const)',
    '    .filter(([t]) => !Number.isNaN(t))',
    '    .sort((a, b) => a[0] - b[0]);',
    '  const gaps = points.slice(1).map(([t], i) => t - points[i][0]).sort((a, b) => a - b);',
    '  const step = gaps[gaps.length >> 1] || 1;',
    '  const values = new Float64Array(Math.round((points[points.length - 1][0] - points[0][0]) / step) + 1).fill(Number.NaN);',
    '  for (const [t, v] of points) values[Math.round((t - points[0][0]) / step)] = v;',
    '  let last = -1;',
    '  for (let i = 0; i < values.length; i++) {',
    '    if (Number.isNaN(values[i])) continue;',
    '    if (last === -1) values.fill(values[i], 0, i);',
    '    else for (let j = last + 1; j < i; j++) values[j] = values[last] + ((values[i] - values[last]) * (j - last)) / (i - last);',
    '    last = i;',
    '  }',
    '  if (last >= 0) values.fill(values[last], last + 1);',
    '  return values;',
    '}',
    '',
    'const groups = new Map<string, Row[]>();',
    "for (const row of data) groups.set(SERIES ? (text(row[SERIES]) ?? '(missing)') : 'all', [...(groups.get(SERIES ? (text(row[SERIES]) ?? '(missing)') : 'all') ?? []), row]);",
    'const series = new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, rows]) => [key, onGrid(rows)]));',
  ].join('\n');
  const model = [
    comment(
      '//',
      'Step 5 · Model — the seasonal naive baseline, backtested walk-forward on the studio’s folds.',
    ),
    'const scores = [...series].map(([key, y]) => {',
    '  const firstMin = Math.min(y.length - HORIZON, Math.max(HORIZON, 2 * SEASON, 8));',
    '  const k = Math.max(1, Math.min(FOLDS, Math.floor((y.length - HORIZON - firstMin) / HORIZON) + 1));',
    '  const folds = rollingOriginFolds(y.length, { horizon: HORIZON, folds: k });',
    '  const season = folds[0].trainEnd >= 2 * SEASON ? SEASON : 1;',
    '  const result = backtest(() => new SeasonalNaive(), y, folds, { season });',
    '  const mase = result.perHorizon.mase.reduce((a, b) => a + b, 0) / HORIZON;',
    '  return [key, mase] as const;',
    '});',
    'const baselineMase = scores.reduce((a, [, m]) => a + m, 0) / scores.length;',
    "console.log('Seasonal naive MASE per series:', Object.fromEntries(scores));",
    "console.log(JSON.stringify({ metric: 'mase', value: baselineMase, model: 'snaive' }));",
  ].join('\n');
  const predict = [
    comment('//', 'Step 6 · Predict — the next HORIZON steps of every series, written as CSV.'),
    "const lines = ['series,step,forecast'];",
    'for (const [key, y] of series) {',
    '  const forecast = new SeasonalNaive().fit(y, { season: SEASON }).predict(HORIZON);',
    '  forecast.mean.forEach((value, h) => lines.push(`${key},${h + 1},${value}`));',
    '}',
    `writeFileSync(${ts(ctx.predictionsFile)}, \`\${lines.join('\\n')}\\n\`);`,
    `console.log(\`Wrote \${lines.length - 1} forecasts to ${ctx.predictionsFile.replaceAll('`', '')}\`);`,
  ].join('\n');
  return [
    { id: 'load', code: typescriptLoad(ctx, imports) },
    { id: 'clean', code: typescriptClean(ctx) },
    { id: 'explore', code: explore },
    { id: 'prepare', code: prepare },
    { id: 'model', code: model },
    { id: 'predict', code: predict },
  ];
}
