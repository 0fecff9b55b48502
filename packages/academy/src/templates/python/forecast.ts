import { comment, py } from '../code';
import type { TemplateContext } from '../context';
import type { StepCode } from '../types';
import { pythonLoad } from './load';
import { pythonClean } from './recipe';

/** Columns and settings of the learner's newest forecast, or the Forecast page's defaults before one. */
export function forecastSettings(ctx: TemplateContext) {
  const f = ctx.forecast;
  const byType = (type: string) => ctx.cleanColumns.find((c) => c.type === type)?.name ?? '';
  return {
    time: f?.timeColumn ?? byType('datetime'),
    value: f?.valueColumn ?? ctx.target,
    series: f?.seriesColumn ?? null,
    horizon: f?.horizon ?? 28,
    folds: f?.backtest.folds ?? 3,
    season: f?.season ?? 7,
  };
}

/**
 * The forecasting lab in pandas: the learner's series on a regular grid (gaps filled by linear interpolation,
 * as the Forecast page does), the seasonal naive baseline backtested walk-forward on the studio's folds (its
 * MASE is the studio's baseline), and a forecast of the next horizon. The statsmodels calls that match the
 * studio's ETS and Theta are named in comments: statsmodels is not a dependency the CI installs.
 */
export function pythonForecast(ctx: TemplateContext): StepCode[] {
  const s = forecastSettings(ctx);
  const head = [
    `TIME, VALUE, SERIES = ${py(s.time)}, ${py(s.value)}, ${py(s.series)}`,
    `HORIZON, FOLDS, SEASON = ${s.horizon}, ${s.folds}, ${s.season}`,
  ].join('\n');
  const explore = [
    comment('#', 'Step 3 · Explore — the cycles the Explore page shows: the mean by weekday and by month.'),
    head,
    "print('Mean by weekday (0 = Monday):', data.groupby(data[TIME].dt.dayofweek)[VALUE].mean().round(1).to_dict())",
    "print('Mean by month:', data.groupby(data[TIME].dt.month)[VALUE].mean().round(1).to_dict())",
  ].join('\n');
  const prepare = [
    comment(
      '#',
      'Step 4 · Prepare — one series per ' +
        (s.series === null ? 'data set' : `${s.series}`) +
        ', on a regular time grid: a missing time (a closed day) gets a value by linear interpolation, as on the Forecast page. Never a random split: the backtest below always trains on the past and tests on the future.',
    ),
    'def on_grid(frame):',
    '    values = frame.groupby(TIME)[VALUE].mean().sort_index()',
    '    step = values.index.to_series().diff().median()',
    '    grid = values.reindex(pd.date_range(values.index[0], values.index[-1], freq=step))',
    "    return grid.interpolate('linear', limit_direction='both').to_numpy(dtype=float)",
    '',
    '',
    "series = {key: on_grid(frame) for key, frame in (data.groupby(SERIES) if SERIES else [('all', data)])}",
    "print({key: len(values) for key, values in series.items()}, 'points per series')",
  ].join('\n');
  const best = ctx.forecast?.best;
  const studioBest = ctx.forecast?.scores.find((x) => x.model === best);
  const model = [
    comment(
      '#',
      `Step 5 · Model — walk-forward backtest (${s.folds} folds of ${s.horizon} steps, the last ending at the last point), the seasonal naive baseline: "the same day last season".`,
    ),
    best
      ? comment(
          '#',
          `The studio picked '${best}'${studioBest?.mase != null ? ` (MASE ${studioBest.mase.toFixed(3)})` : ''}. In statsmodels: ETS ≈ statsmodels.tsa.exponential_smoothing.ets.ETSModel(y, error='add', trend='add', damped_trend=True, seasonal='add', seasonal_periods=SEASON); Theta ≈ statsmodels.tsa.forecasting.theta.ThetaModel(y, period=SEASON); ARIMA ≈ statsmodels.tsa.arima.model.ARIMA.`,
        )
      : comment(
          '#',
          'In statsmodels: ETS ≈ ETSModel(y, error="add", trend="add", damped_trend=True, seasonal="add", seasonal_periods=SEASON); Theta ≈ ThetaModel(y, period=SEASON).',
        ),
    'def seasonal_naive(history, horizon, season):',
    '    last_cycle = history[len(history) - season:]',
    '    return np.array([last_cycle[k % season] for k in range(horizon)])',
    '',
    '',
    'def backtest(y, forecaster):',
    '    """MASE and sMAPE over walk-forward folds, as the studio computes them (the MASE scale is per fold)."""',
    '    n = len(y)',
    '    first_min = min(n - HORIZON, max(HORIZON, 2 * SEASON, 8))',
    '    k = max(1, min(FOLDS, (n - HORIZON - first_min) // HORIZON + 1))',
    '    ends = [n - HORIZON * (k - i) for i in range(k)]',
    '    season = SEASON if ends[0] >= 2 * SEASON else 1',
    '    mase, smape = [], []',
    '    for end in ends:',
    '        train, actual = y[:end], y[end:end + HORIZON]',
    '        forecast = forecaster(train, HORIZON, season)',
    '        lag = season if len(train) > season else 1',
    '        scale = np.mean(np.abs(train[lag:] - train[:-lag]))',
    '        error = np.abs(actual - forecast)',
    '        mase.append(np.mean(error / scale))',
    '        denominator = np.abs(actual) + np.abs(forecast)',
    '        smape.append(np.mean(np.where(denominator > 0, 200 * error / np.where(denominator > 0, denominator, 1), 0)))',
    '    return float(np.mean(mase)), float(np.mean(smape))',
    '',
    '',
    'scores = {key: backtest(values, seasonal_naive) for key, values in series.items()}',
    'baseline_mase = float(np.mean([m for m, _ in scores.values()]))',
    "print('Seasonal naive backtest, MASE per series:', {key: round(m, 3) for key, (m, _) in scores.items()})",
    ctx.forecast?.baselineMase != null
      ? `print(f'Seasonal naive MASE: {baseline_mase:.4f} (the studio measured ${ctx.forecast.baselineMase.toFixed(4)})')`
      : "print(f'Seasonal naive MASE: {baseline_mase:.4f}')",
    "print(json.dumps({'metric': 'mase', 'value': baseline_mase, 'model': 'snaive'}))",
  ].join('\n');
  const predict = [
    comment(
      '#',
      `Step 6 · Predict — the next ${s.horizon} steps of every series (seasonal naive here), written as CSV.`,
    ),
    'rows = []',
    'for key, values in series.items():',
    '    for step, value in enumerate(seasonal_naive(values, HORIZON, SEASON), start=1):',
    "        rows.append({'series': key, 'step': step, 'forecast': round(float(value), 2)})",
    `pd.DataFrame(rows).to_csv(${py(ctx.predictionsFile)}, index=False)`,
    `print(f'Wrote {len(rows)} forecasts to ${ctx.predictionsFile.replaceAll("'", '')}')`,
  ].join('\n');
  return [
    { id: 'load', code: pythonLoad(ctx) },
    { id: 'clean', code: pythonClean(ctx) },
    { id: 'explore', code: explore },
    { id: 'prepare', code: prepare },
    { id: 'model', code: model },
    { id: 'predict', code: predict },
  ];
}
