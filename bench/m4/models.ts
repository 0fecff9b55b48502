/**
 * The forecasters bench:m4 runs, in table order: per-series models, panel models fitted once on all series, and
 * the asynchronous Transformer; `modelRuns` turns each into one function from the training series to forecasts.
 */
import {
  AutoARIMA,
  AutoPanelForecaster,
  DampedHolt,
  ETS,
  type Forecast,
  type Forecaster,
  GlobalGbdtForecaster,
  Holt,
  Naive,
  Naive2,
  OptimizedTheta,
  SeasonalNaive,
  SimpleExpSmoothing,
  STLForecaster,
  Theta,
} from '@quarry/ml';
import { TransformerForecaster } from '../../packages/server/src/forecasting/transformer/transformer-forecaster';
import { HORIZON, SEASON } from './m4-data';

const MODELS: [string, () => Forecaster][] = [
  ['Naive', () => new Naive()],
  ['SeasonalNaive', () => new SeasonalNaive()],
  ['Naive2', () => new Naive2()],
  ['SES', () => new SimpleExpSmoothing()],
  ['Holt', () => new Holt()],
  ['Damped', () => new DampedHolt()],
  ['Theta', () => new Theta()],
  ['OptimizedTheta', () => new OptimizedTheta()],
  ['ETS', () => new ETS()],
  ['AutoARIMA', () => new AutoARIMA()],
  ['MSTL-ETS', () => new STLForecaster({ periods: [24, 168] })],
  ['MSTL-Theta', () => new STLForecaster({ periods: [24, 168], method: 'theta' })],
];

/** Panel models: fitted once on all series (`fitPanel`), then forecast every series (`predictPanel`). */
interface PanelModel {
  fitPanel(series: Float64Array[], options: { season: number; horizon: number }): unknown;
  predictPanel(horizon: number): Forecast[];
}
const PANEL_MODELS: [string, () => PanelModel][] = [
  ['GlobalGbdt (direct)', () => new GlobalGbdtForecaster()],
  ['GlobalGbdt (recursive)', () => new GlobalGbdtForecaster({ strategy: 'recursive' })],
  ['auto', () => new AutoPanelForecaster()],
  ['auto (per series)', () => new AutoPanelForecaster({ selection: 'series' })],
];

/** Panel models whose fit is asynchronous (TensorFlow.js). */
const ASYNC_PANEL_MODELS: [
  string,
  (train: Float64Array[]) => Promise<{ forecasts: Forecast[]; note: string }>,
][] = [
  [
    'Transformer',
    async (train) => {
      const model = await new TransformerForecaster().fitPanel(train, { season: SEASON, horizon: HORIZON });
      const { dModel, layers, heads, inputSize, backend } = model.params;
      const note = `encoder-only, ${layers} layers, d_model ${dModel}, ${heads} heads, input ${inputSize} points in ${model.shape_.tokens} patches of ${model.shape_.patch}, ${model.steps_} Adam steps on the ${backend} backend, seed ${model.params.randomState}; median output as the forecast, 10/90% and 2.5/97.5% quantile outputs as the intervals.`;
      return { forecasts: await model.predictPanel(HORIZON), note };
    },
  ],
];

/** A named model as one function from the training series to one forecast per series. */
export type ModelRun = [string, (train: Float64Array[]) => Forecast[] | Promise<Forecast[]>];

/** What an `auto` run chose, and the validation scores it chose by (on the training data only). */
function describeSelection(model: AutoPanelForecaster): string {
  const counts = new Map<string, number>();
  for (const name of model.selected_) counts.set(name, (counts.get(name) ?? 0) + 1);
  const chosen = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const scores = Object.entries(model.validationScores_)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 5);
  return `chose ${chosen.map(([name, k]) => `${name} (${k} series)`).join(', ')}${counts.size > 5 ? ', …' : ''}. Best validation scores (OWA against seasonal naive on the last ${HORIZON} training points): ${scores.map(([name, v]) => `${name} ${v.toFixed(3)}`).join(', ')}.`;
}

/** Every model as a `ModelRun`; panel models record their notes (an `auto`'s choice, a model's settings) in `selections`. */
export function modelRuns(selections: Map<string, string>): ModelRun[] {
  return [
    ...MODELS.map(([name, make]): [string, (train: Float64Array[]) => Forecast[]] => [
      name,
      (train) => train.map((y) => make().fit(y, { season: SEASON }).predict(HORIZON)),
    ]),
    ...PANEL_MODELS.map(([name, make]): [string, (train: Float64Array[]) => Forecast[]] => [
      name,
      (train) => {
        const model = make();
        model.fitPanel(train, { season: SEASON, horizon: HORIZON });
        if (model instanceof AutoPanelForecaster) selections.set(name, describeSelection(model));
        return model.predictPanel(HORIZON);
      },
    ]),
    ...ASYNC_PANEL_MODELS.map(([name, fit]): [string, (train: Float64Array[]) => Promise<Forecast[]>] => [
      name,
      async (train) => {
        const { forecasts, note } = await fit(train);
        selections.set(name, note);
        return forecasts;
      },
    ]),
  ];
}
