import {
  AutoARIMA,
  DampedHolt,
  ETS,
  type Forecaster,
  Holt,
  Naive,
  Naive2,
  OptimizedTheta,
  type PanelCandidate,
  SeasonalNaive,
  SimpleExpSmoothing,
  STLForecaster,
  Theta,
} from '@quarry/ml';
import { GbdtSeriesForecaster } from './gbdt-series';

/** One model the forecast job can backtest and use. `make` gets the series' season (1 = none). */
export interface ForecastModel {
  key: string;
  label: string;
  make: (season: number) => Forecaster;
  /**
   * A global model, fitted once on all series of a run (see forecast-panel.ts) when it is forced with two or
   * more series; `make` is then only its single-series stand-in for per-series backtests.
   */
  global?: true;
  /** Its name among `AutoPanelForecaster`'s candidates, when the panel `auto` can choose it. */
  panelCandidate?: PanelCandidate;
}

/**
 * Every model the studio and `quarry forecast` offer, by key. Adding a model is one entry here: the request
 * schema, the CLI's `--model` check and the web page's list all read this table.
 */
export const FORECAST_MODELS: readonly ForecastModel[] = [
  { key: 'naive', label: 'Naive', make: () => new Naive() },
  {
    key: 'snaive',
    label: 'Seasonal naive',
    make: () => new SeasonalNaive(),
    panelCandidate: 'SeasonalNaive',
  },
  { key: 'naive2', label: 'Naive2 (M4)', make: () => new Naive2() },
  { key: 'ses', label: 'SES', make: () => new SimpleExpSmoothing() },
  { key: 'holt', label: 'Holt', make: () => new Holt() },
  { key: 'damped', label: 'Damped Holt', make: () => new DampedHolt() },
  { key: 'ets', label: 'ETS (auto)', make: () => new ETS(), panelCandidate: 'ETS' },
  { key: 'theta', label: 'Theta', make: () => new Theta(), panelCandidate: 'Theta' },
  { key: 'otheta', label: 'Optimised Theta', make: () => new OptimizedTheta() },
  { key: 'arima', label: 'AutoARIMA', make: () => new AutoARIMA() },
  {
    key: 'mstl',
    label: 'MSTL + ETS',
    // Hourly data (season 24) also has a weekly cycle; other frequencies use their own season.
    make: (season) => new STLForecaster({ periods: season === 24 ? [24, 168] : null }),
    panelCandidate: 'MSTL-ETS',
  },
  {
    key: 'gbdt',
    label: 'Global gradient boosting',
    make: () => new GbdtSeriesForecaster(),
    global: true,
    panelCandidate: 'GlobalGbdt',
  },
  {
    key: 'transformer',
    label: 'Transformer (global)',
    make: () => {
      throw Object.assign(
        new Error('The Transformer is trained across series: forecast two or more series with it.'),
        { code: 'FORECAST_FAILED' },
      );
    },
    global: true,
  },
];

export const MODEL_KEYS = FORECAST_MODELS.map((m) => m.key) as [string, ...string[]];

/** What `auto` compares when the request names no models: fast, strong on M4 Hourly, and one baseline. */
export const DEFAULT_CANDIDATES: readonly string[] = ['snaive', 'naive', 'theta', 'ets', 'arima', 'mstl'];

export function forecastModel(key: string): ForecastModel {
  const model = FORECAST_MODELS.find((m) => m.key === key);
  if (model === undefined) throw new Error(`Unknown forecast model '${key}'.`);
  return model;
}
