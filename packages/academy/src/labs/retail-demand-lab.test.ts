import { describe, expect, it } from 'vitest';
import { evaluateLab } from './evaluate';
import {
  type LabSnapshot,
  type RecipeStep,
  type SnapshotDataset,
  type SnapshotForecast,
  type SnapshotModel,
  STEP_IDS,
} from './lab-types';
import { retailDemandLab } from './retail-demand-lab';
import { BEAT_RATIO } from './retail-demand-lab-checks';
import { busiestWeekday, missingDays, seriesCount, strongestCycle } from './retail-demand-lab-truth';

const lab = retailDemandLab;
const data = lab.generate(lab.seed);
const nHolidayBlank = data.rows.filter((r) => r.holiday === null).length;

const COLUMNS = data.columns.map((c) => ({ name: c.name, type: c.type, missing: 0 }));
const version = (n: number, steps: RecipeStep[], holidayMissing = 0): SnapshotDataset => ({
  id: `d${n}`,
  version: n,
  nRows: data.rows.length,
  columns: COLUMNS.map((c) => (c.name === 'holiday' ? { ...c, missing: holidayMissing } : c)),
  steps,
});
const FILL: RecipeStep = { op: 'fillMissing', column: 'holiday', value: 'none' };
const KEEP_P03: RecipeStep = { op: 'filter', column: 'product_id', operator: '=', value: 'P03' };
const ROOT = version(1, [], nHolidayBlank);
const CLEANED = version(3, [FILL, KEEP_P03]);

/** A forecast as the snapshot builder reports the Forecast page's run on the cleaned version. */
const forecast = (patch: Partial<SnapshotForecast> = {}): SnapshotForecast => ({
  id: 'f1',
  createdAt: '2026-11-27T10:00:00.000Z',
  datasetId: CLEANED.id,
  timeColumn: 'date',
  valueColumn: 'units_sold',
  seriesColumn: 'store_id',
  horizon: 28,
  backtest: { kind: 'walk-forward', folds: 3 },
  scores: [
    { model: 'snaive', mase: 1.147, smape: 20 },
    { model: 'ets', mase: 0.9, smape: 16 },
    { model: 'theta', mase: 0.938, smape: 17 },
  ],
  best: 'ets',
  baselineMase: 1.147,
  ...patch,
});

/** A Train-page model on the lab's data: a random 25% holdout, the classic mistake on a time series. */
const randomModel = (patch: Partial<SnapshotModel> = {}): SnapshotModel => ({
  id: 'm1',
  name: 'units_sold gbdt',
  version: 1,
  createdAt: '2026-11-27T11:00:00.000Z',
  datasetId: CLEANED.id,
  datasetVersion: 3,
  task: 'regression',
  family: 'gbdt',
  target: 'units_sold',
  features: ['date', 'store_id', 'on_promotion', 'holiday'],
  pipeline: ['prep: ColumnTransformer', 'model: HistGradientBoostingRegressor'],
  split: { strategy: 'random', testSize: 0.25, nTrain: 2100, nTest: 700 },
  cv: null,
  imbalance: null,
  metrics: { r2: 0.9, rmse: 3 },
  recipe: CLEANED.steps,
  topFeatures: [],
  predictions: 0,
  seed: 42,
  ...patch,
});

const ANSWERS = {
  'series-count': String(seriesCount(data)),
  'busiest-weekday': busiestWeekday(data),
  'filled-days': String(missingDays(data, 'S02')),
  'weekly-cycle': String(strongestCycle(data)),
};

/** The learner who did everything right. */
const good = (patch: Partial<LabSnapshot> = {}): LabSnapshot => ({
  lab: lab.id,
  rootDatasetId: ROOT.id,
  datasets: [ROOT, version(2, [FILL], 0), CLEANED],
  models: [],
  forecasts: [forecast()],
  anomalyRuns: [],
  answers: ANSWERS,
  ...patch,
});

function check(id: string, snapshot: LabSnapshot) {
  const checkpoint = lab.checkpoints.find((c) => c.id === id);
  if (checkpoint === undefined) throw new Error(`no checkpoint ${id}`);
  return checkpoint.check(snapshot, data);
}

describe('retail-demand lab definition', () => {
  it('has six steps in order, each with a link, instructions and at least one checkpoint', () => {
    expect(lab.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    for (const step of lab.steps) {
      expect(step.link).toMatch(/^#\//);
      expect(step.instructions.length).toBeGreaterThanOrEqual(2);
      expect(step.instructions.length).toBeLessThanOrEqual(5);
      expect(lab.checkpoints.some((c) => c.step === step.id)).toBe(true);
    }
    expect(lab.steps.find((s) => s.id === 'clean')?.beforeAfter).toBe(true);
    expect(lab.checkpoints.length).toBeGreaterThanOrEqual(8);
    expect(new Set(lab.checkpoints.map((c) => c.id)).size).toBe(lab.checkpoints.length);
    expect(lab.goals.length).toBeGreaterThanOrEqual(3);
    expect(lab.estimatedMinutes).toBeLessThan(30);
    for (const c of lab.checkpoints) expect(c.hint.link).toMatch(/^#\//);
  });

  it('computes every answer from the data: 20 series, Saturday, S02’s closed days, a 7-day cycle', () => {
    expect(seriesCount(data)).toBe(20);
    expect(busiestWeekday(data)).toBe('Saturday');
    // S02 closes for a renovation besides the chain-wide closures (2 Christmases, 2 Thanksgivings).
    expect(missingDays(data, 'S02')).toBeGreaterThan(missingDays(data, 'S01'));
    expect(missingDays(data, 'S02')).toBeGreaterThanOrEqual(9);
    expect(strongestCycle(data)).toBe(7);
  });

  it('passes every checkpoint for the learner who did it right, and nothing is pending', () => {
    const progress = evaluateLab(lab, good(), data);
    const failing = progress.steps.flatMap((s) => s.checkpoints).filter((c) => c.status !== 'pass');
    expect(failing).toEqual([]);
    expect(progress.passed).toBe(progress.total);
    expect(progress.steps.every((s) => s.status === 'done')).toBe(true);
  });

  it('shows a fresh lab as pending, with the first step current', () => {
    const fresh = good({ datasets: [ROOT], forecasts: [], answers: {} });
    const progress = evaluateLab(lab, fresh, data);
    expect(progress.steps[0].status).toBe('current');
    const statuses = Object.fromEntries(
      progress.steps.flatMap((s) => s.checkpoints).map((c) => [c.id, c.status]),
    );
    expect(statuses['data-loaded']).toBe('pass');
    expect(statuses['holiday-blanks']).toBe('fail');
    expect(statuses['one-product']).toBe('fail');
    expect(statuses['peaks-kept']).toBe('pending');
    expect(statuses['forecast-columns']).toBe('pending');
    expect(statuses['future-hidden']).toBe('pending');
    expect(statuses['series-count']).toBe('pending');
  });
});

describe('retail-demand checkpoints', () => {
  it('series-count: the number of store × product pairs', () => {
    expect(check('series-count', good()).status).toBe('pass');
    expect(check('series-count', good({ answers: { 'series-count': '20 series' } })).status).toBe('pass');
    expect(check('series-count', good({ answers: { 'series-count': '4' } })).status).toBe('fail');
  });

  it('holiday-blanks: filled or dropped passes, still empty fails', () => {
    expect(check('holiday-blanks', good()).status).toBe('pass');
    const dropped = version(2, [{ op: 'drop', columns: ['holiday'] }]);
    dropped.columns = dropped.columns.filter((c) => c.name !== 'holiday');
    expect(check('holiday-blanks', good({ datasets: [ROOT, dropped] })).status).toBe('pass');
    const stillBlank = check('holiday-blanks', good({ datasets: [ROOT, version(2, [KEEP_P03], 700)] }));
    expect(stillBlank).toEqual({ status: 'fail', detail: 'holiday is still empty in 700 rows.' });
  });

  it('one-product: one product or one store kept passes, the whole table fails', () => {
    expect(check('one-product', good()).detail).toContain('P03');
    const store: RecipeStep = { op: 'filter', column: 'store_id', operator: 'in', value: ['S01'] };
    expect(check('one-product', good({ datasets: [ROOT, version(2, [store])] })).status).toBe('pass');
    const two: RecipeStep = { op: 'filter', column: 'product_id', operator: 'in', value: ['P01', 'P03'] };
    expect(check('one-product', good({ datasets: [ROOT, version(2, [FILL, two])] })).status).toBe('fail');
  });

  it('peaks-kept: clipping units_sold or dropping holidays fails', () => {
    expect(check('peaks-kept', good()).status).toBe('pass');
    const clip: RecipeStep = { op: 'clip', column: 'units_sold', upper: 40 };
    const clipped = check('peaks-kept', good({ datasets: [ROOT, version(2, [FILL, KEEP_P03, clip])] }));
    expect(clipped).toEqual({ status: 'fail', detail: 'Your recipe has clip on units_sold.' });
    const noPromo: RecipeStep = { op: 'filter', column: 'on_promotion', operator: '=', value: false };
    expect(check('peaks-kept', good({ datasets: [ROOT, version(2, [noPromo])] })).status).toBe('fail');
    // Flagging outliers only adds a column: the demand stays.
    const flag: RecipeStep = { op: 'flagOutliers', column: 'units_sold' };
    expect(check('peaks-kept', good({ datasets: [ROOT, version(2, [flag])] })).status).toBe('pass');
  });

  it('busiest-weekday: Saturday, any case', () => {
    expect(check('busiest-weekday', good({ answers: { 'busiest-weekday': 'saturday' } })).status).toBe(
      'pass',
    );
    expect(check('busiest-weekday', good({ answers: { 'busiest-weekday': 'Sunday' } })).status).toBe('fail');
  });

  it('forecast-columns: units_sold by store on one product; another value or id fails', () => {
    expect(check('forecast-columns', good()).status).toBe('pass');
    const wrongValue = check(
      'forecast-columns',
      good({ forecasts: [forecast({ valueColumn: 'date_weekday' })] }),
    );
    expect(wrongValue).toEqual({
      status: 'fail',
      detail: 'The value column is date_weekday, not units_sold.',
    });
    expect(
      check('forecast-columns', good({ forecasts: [forecast({ seriesColumn: 'category' })] })).status,
    ).toBe('fail');
    expect(
      check('forecast-columns', good({ forecasts: [forecast({ seriesColumn: 'store_city' })] })).status,
    ).toBe('pass');
  });

  it('walk-forward: folds with scores pass; a single window or unscored models fail', () => {
    expect(check('walk-forward', good()).detail).toContain('the last 84 days');
    const oneFold = forecast({ backtest: { kind: 'walk-forward', folds: 1 } });
    expect(check('walk-forward', good({ forecasts: [oneFold] })).status).toBe('fail');
    const unscored = forecast({ scores: [{ model: 'mstl', mase: null, smape: null }], baselineMase: null });
    expect(check('walk-forward', good({ forecasts: [unscored] })).status).toBe('fail');
  });

  it('future-hidden: a random split after the forecast fails with the hint; a time split passes', () => {
    const mistake = good({ models: [randomModel()] });
    const result = check('future-hidden', mistake);
    expect(result).toEqual({ status: 'fail', detail: 'Your latest model was tested on a random split.' });
    const progress = evaluateLab(lab, mistake, data);
    const outcome = progress.steps.flatMap((s) => s.checkpoints).find((c) => c.id === 'future-hidden');
    expect(outcome?.hint?.text).toContain(
      'A random split lets the model see days after the ones it predicts',
    );
    expect(outcome?.hint?.link).toBe('#/forecast?dataset={dataset}');
    const timed = randomModel({
      split: { strategy: 'time', testSize: 0.2, nTrain: 2200, nTest: 600 },
      cv: { strategy: 'time', k: 5, timeColumn: 'date' },
    });
    expect(check('future-hidden', good({ models: [timed] })).status).toBe('pass');
    // A forecast made after the random-split model is the latest evaluation again.
    const later = forecast({ id: 'f2', createdAt: '2026-11-27T12:00:00.000Z' });
    expect(
      check('future-hidden', good({ models: [randomModel()], forecasts: [forecast(), later] })).status,
    ).toBe('pass');
    expect(check('future-hidden', good({ forecasts: [], models: [randomModel()] })).status).toBe('fail');
  });

  it(`beats-baseline: the best model at most ${BEAT_RATIO} × seasonal naive's MASE`, () => {
    expect(check('beats-baseline', good()).detail).toBe(
      'Mean MASE over your series: ets 0.900 vs seasonal naive 1.147 (22% lower).',
    );
    const noBaseline = forecast({ scores: [{ model: 'ets', mase: 0.9, smape: 16 }], baselineMase: null });
    expect(check('beats-baseline', good({ forecasts: [noBaseline] })).detail).toContain(
      'Seasonal naive was not',
    );
    // A panel run (a global model ticked): one validation window, no per-model MASE to compare.
    const panel = forecast({
      scores: [
        { model: 'SeasonalNaive', mase: null, smape: null },
        { model: 'GlobalGbdt', mase: null, smape: null },
      ],
      best: 'GlobalGbdt',
      baselineMase: null,
    });
    expect(check('beats-baseline', good({ forecasts: [panel] }))).toEqual({
      status: 'fail',
      detail: 'No model has a backtest MASE (a global model was ticked).',
    });
    expect(check('walk-forward', good({ forecasts: [panel] })).detail).toContain('one window only');
    const tie = forecast({
      scores: [
        { model: 'snaive', mase: 1.0, smape: 20 },
        { model: 'naive', mase: 0.98, smape: 20 },
      ],
      best: 'naive',
      baselineMase: 1.0,
    });
    expect(check('beats-baseline', good({ forecasts: [tie] })).status).toBe('fail');
    // Use forced to seasonal naive: the others were backtested, but the forecast is the baseline.
    const forced = check(
      'beats-baseline',
      good({ forecasts: [forecast({ best: 'snaive', used: 'snaive' })] }),
    );
    expect(forced.status).toBe('fail');
    // A median combination has no MASE of its own in the summary: the best single model stands in for it.
    const median = forecast({
      scores: [...forecast().scores, { model: 'median(ets, mstl, theta)', mase: null, smape: null }],
      best: 'median(ets, mstl, theta)',
    });
    expect(check('beats-baseline', good({ forecasts: [median] })).detail).toContain('ets 0.900');
  });

  it('filled-days and weekly-cycle: numbers from the data', () => {
    const gap = missingDays(data, 'S02');
    expect(check('filled-days', good({ answers: { 'filled-days': `${gap} days` } })).status).toBe('pass');
    expect(check('filled-days', good({ answers: { 'filled-days': String(gap + 2) } })).status).toBe('fail');
    expect(check('weekly-cycle', good({ answers: { 'weekly-cycle': '7' } })).status).toBe('pass');
    expect(check('weekly-cycle', good({ answers: { 'weekly-cycle': '365' } })).status).toBe('fail');
    expect(check('weekly-cycle', good({ answers: {} })).status).toBe('pending');
  });

  it('forecast-ready: a 28–31 day forecast passes, a week fails', () => {
    expect(check('forecast-ready', good()).status).toBe('pass');
    expect(check('forecast-ready', good({ forecasts: [forecast({ horizon: 7 })] }))).toEqual({
      status: 'fail',
      detail: 'The horizon is 7 days; the orders need 28–31.',
    });
    expect(check('forecast-ready', good({ forecasts: [] })).status).toBe('pending');
  });
});
