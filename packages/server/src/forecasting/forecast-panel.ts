import {
  AutoPanelForecaster,
  type Forecast,
  GlobalGbdtForecaster,
  PANEL_CANDIDATES,
  type PanelCandidate,
} from '@quarry/ml';
import type { ModelScore, SeriesForecast } from './forecast-series';
import { FORECAST_MODELS, forecastModel } from './models';
import { TransformerForecaster } from './transformer/transformer-forecaster';

/**
 * A whole run for the worker pool as one task: a global model, or `AutoPanelForecaster`, fitted once on every
 * series (what beats per-series models on panels like M4 Hourly), then one forecast per series.
 */
export interface ForecastPanelInput {
  kind: 'forecast-panel';
  series: Float64Array[];
  season: number;
  horizon: number;
  levels: number[];
  /** 'auto' (AutoPanelForecaster over `candidates`) or the key of a global model. */
  model: string;
  /** AutoPanelForecaster's candidates; empty: its defaults. */
  candidates: PanelCandidate[];
  seed: number;
}

/** What the panel path needs to know of a run's request. */
export interface PanelRequest {
  select: string;
  models: string[];
  /** False when the request named no models (the panel `auto` then uses its own default candidates). */
  modelsGiven: boolean;
  season: number;
  horizon: number;
}

/**
 * Whether a run is fitted as a panel, and how: `auto` with two or more series — when no models were named, or
 * when the named ones include `gbdt` — or a global model forced with two or more series. Null keeps the
 * per-series backtest (one series; a candidate list of local models only; series too short for the panel's
 * validation window of one horizon plus two seasons).
 */
export function panelPlan(
  request: PanelRequest,
  series: readonly { values: Float64Array }[],
): { model: string; candidates: PanelCandidate[] } | null {
  if (series.length < 2) return null;
  const shortest = Math.min(...series.map((s) => s.values.length));
  if (shortest < request.horizon + 2 * request.season + 2) return null;
  if (request.select !== 'auto')
    return forecastModel(request.select).global ? { model: request.select, candidates: [] } : null;
  if (!request.modelsGiven) return { model: 'auto', candidates: [] };
  const chosen = FORECAST_MODELS.filter((m) => request.models.includes(m.key));
  if (!chosen.some((m) => m.panelCandidate === 'GlobalGbdt')) return null;
  const candidates = chosen.flatMap((m) => (m.panelCandidate ? [m.panelCandidate] : []));
  return { model: 'auto', candidates: PANEL_CANDIDATES.filter((c) => candidates.includes(c)) };
}

export async function forecastPanel(
  input: ForecastPanelInput,
  progress: (fraction: number, message: string) => void = () => undefined,
): Promise<SeriesForecast[]> {
  const { series, season, horizon, levels, seed } = input;
  const options = {
    season,
    horizon,
    onProgress: (f: number, m?: string) => progress(0.95 * f, m ?? 'Fitting'),
  };
  const folds = series.map((y) => [{ trainEnd: y.length - horizon, horizon }]);
  let forecasts: Forecast[];
  let chosen: string[];
  let scores: ModelScore[] = [];
  if (input.model === 'auto') {
    const auto = new AutoPanelForecaster({
      ...(input.candidates.length > 0 ? { candidates: input.candidates } : {}),
      gbdt: { randomState: seed },
    }).fitPanel(series, options);
    forecasts = auto.predictPanel(horizon, { levels });
    chosen = auto.selected_;
    scores = validationRanks(auto.validationScores_, auto.params.candidates);
  } else if (input.model === 'transformer') {
    const model = await new TransformerForecaster({ levels, randomState: seed }).fitPanel(series, options);
    forecasts = await model.predictPanel(horizon, { levels });
    chosen = series.map(() => input.model);
  } else {
    const model = new GlobalGbdtForecaster({ randomState: seed }).fitPanel(series, options);
    forecasts = model.predictPanel(horizon, { levels });
    chosen = series.map(() => input.model);
  }
  progress(1, 'Forecast done');
  return forecasts.map((f, i) => ({
    chosen: chosen[i],
    members: membersOf(chosen[i]),
    intervals: input.model === 'transformer' ? 'model' : 'conformal',
    season,
    folds: folds[i],
    scores,
    combination: null,
    mean: Array.from(f.mean),
    lower: Object.fromEntries(levels.map((l) => [l, Array.from(f.lower?.[l] ?? [])])),
    upper: Object.fromEntries(levels.map((l) => [l, Array.from(f.upper?.[l] ?? [])])),
    // Split-conformal widths come from the one validation window per series: no out-of-fold coverage to report.
    coverage: Object.fromEntries(levels.map((l) => [l, null])),
  }));
}

/**
 * The panel's validation ranking of the single candidates (OWA against seasonal naive on the last horizon of the
 * training series, the same for every series): the rank is filled, the per-series errors are not measured.
 */
function validationRanks(scores: Record<string, number>, candidates: readonly string[]): ModelScore[] {
  return candidates
    .map((name) => ({ name, owa: scores[name] ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.owa - b.owa)
    .map(({ name }, k) => ({
      model: name,
      status: 'ok' as const,
      error: null,
      mase: null,
      smape: null,
      mae: null,
      rank: k + 1,
    }));
}

function membersOf(name: string): string[] {
  const match = /^(?:median|mean)\((.*)\)$/.exec(name);
  return match === null ? [name] : match[1].split(', ');
}
