import { currentDataset, modelsByTime } from './common-checks';
import type { CheckResult, LabSnapshot, RecipeStep, SnapshotDataset, SnapshotForecast } from './lab-types';

/**
 * Snapshot readers for the retail-demand lab's checkpoints: which forecast is the learner's latest, which data
 * version it ran on, what that version's recipe kept, and the latest evaluation of any kind (a forecast's
 * backtest or a trained model's holdout), which the "future hidden" check judges.
 */

/** Columns that name the same key: a store by code or by town, a product by code or by shelf name. */
export const STORE_KEYS = ['store_id', 'store_city'];
export const PRODUCT_KEYS = ['product_id', 'product_name'];
/** The lab's forecast horizon: four weeks (each weekday four times), up to a calendar month. */
export const HORIZON = { min: 28, max: 31 };
/** The columns whose rows must stay as recorded: dropping or clipping them deletes real demand. */
const DEMAND_COLUMNS = ['units_sold', 'holiday', 'on_promotion', 'unit_price_usd'];

export const forecastsByTime = (s: LabSnapshot): SnapshotForecast[] =>
  [...s.forecasts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

export const latestForecast = (s: LabSnapshot): SnapshotForecast | null => forecastsByTime(s).at(-1) ?? null;

/** The data version a forecast ran on, or the current one when that version is no longer in the chain. */
export function datasetOf(s: LabSnapshot, id: string): SnapshotDataset | null {
  return s.datasets.find((d) => d.id === id) ?? currentDataset(s);
}

/** The single value a recipe keeps of one of `columns` (a filter `=`, or `in` with one value), else null. */
export function keptValue(steps: readonly RecipeStep[], columns: readonly string[]): string | null {
  let kept: string | null = null;
  for (const step of steps) {
    if (step.op !== 'filter' || !columns.includes(step.column ?? '')) continue;
    const value = step.value;
    if (step.operator === '=' && value !== undefined && value !== null) kept = String(value);
    else if (step.operator === 'in' && Array.isArray(value) && value.length === 1) kept = String(value[0]);
  }
  return kept;
}

/** Recipe steps that change or remove recorded demand (clip, filter or replace on the demand columns). */
export function demandEdits(steps: readonly RecipeStep[]): RecipeStep[] {
  return steps.filter(
    (step) =>
      ['clip', 'filter', 'replaceValue', 'standardize'].includes(step.op) &&
      DEMAND_COLUMNS.includes(step.column ?? ''),
  );
}

/** How a step reads in a detail line, e.g. “clip on units_sold”. */
export const stepLabel = (step: RecipeStep) => `${step.op} on ${step.column ?? step.columns?.join(', ')}`;

/**
 * The newest evaluation in the project: the latest forecast (scored walk-forward) or the latest trained model
 * (scored on its holdout), whichever came last.
 */
export function latestEvaluation(
  s: LabSnapshot,
):
  | { kind: 'forecast'; forecast: SnapshotForecast }
  | { kind: 'model'; split: string; cv: string | null }
  | null {
  const forecast = latestForecast(s);
  const model = modelsByTime(s).at(-1) ?? null;
  if (model !== null && (forecast === null || model.createdAt > forecast.createdAt))
    return { kind: 'model', split: model.split.strategy, cv: model.cv?.strategy ?? null };
  return forecast === null ? null : { kind: 'forecast', forecast };
}

/**
 * The lowest backtest MASE among the models that are not the seasonal-naive baseline (null when none was
 * scored). Not the snapshot's `best` (the model auto chose for the most series): with four series that can be a
 * tie, and a median combination has no MASE of its own in the summary.
 */
export function bestChallenger(f: SnapshotForecast): { model: string; mase: number } | null {
  const others = f.scores
    .filter((x) => x.model !== 'snaive' && x.mase !== null)
    .sort((a, b) => (a.mase as number) - (b.mase as number));
  return others[0] ? { model: others[0].model, mase: others[0].mase as number } : null;
}

/** A number answer compared with the truth (a learner may type “11 days” or “11.0”). */
export function numberAnswer(s: LabSnapshot, questionId: string, expected: number): CheckResult {
  const given = s.answers[questionId];
  if (given === undefined || given.trim() === '') return { status: 'pending', detail: 'Not answered yet.' };
  const value = Number.parseFloat(given.replace(',', '.'));
  return value === expected
    ? { status: 'pass', detail: `You answered ${given}.` }
    : { status: 'fail', detail: `You answered “${given}”; look again.` };
}

/** Where each step is done in the studio. */
export const LINKS = {
  profile: '#/data/{dataset}?tab=profile',
  clean: '#/data/{dataset}?tab=clean',
  explore: '#/explore?dataset={dataset}',
  forecast: '#/forecast?dataset={dataset}',
  academy: '#/academy/labs/retail-demand',
} as const;
