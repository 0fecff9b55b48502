import { describe, expect, it } from 'vitest';
import { evaluateLab } from './evaluate';
import { houseNewListings, housePricesLab } from './house-prices-lab';
import { HONEST_MAE, neighbourhoodCount, outlierReport, skewChoice } from './house-prices-lab-checks';
import { traceRows } from './house-prices-lab-recipe';
import { type LabSnapshot, type RecipeStep, type SnapshotModel, STEP_IDS } from './lab-types';

/**
 * The house-prices lab's checkpoints on hand-made snapshots: pass on the correct path, fail on the mistakes they
 * are meant to catch (full-data scaling above all), with truths computed from the lab's data.
 */
const data = housePricesLab.generate(housePricesLab.seed);
const columns = data.columns.map((c) => ({ name: c.name, type: c.type, missing: 0 }));
const FILTER: RecipeStep = { op: 'filter', column: 'living_area_m2', operator: '<=', value: 600 };
const STANDARDIZE: RecipeStep = { op: 'standardize', column: 'living_area_m2', mean: 128.2, sd: 150 };
const features = data.columns
  .map((c) => c.name)
  .filter((n) => !['house_id', 'sale_date', 'sale_price_usd'].includes(n));

function model(patch: Partial<SnapshotModel> = {}): SnapshotModel {
  return {
    id: 'm1',
    name: 'house model',
    version: 1,
    createdAt: '2026-11-27T09:00:00.000Z',
    datasetId: 'd2',
    datasetVersion: 2,
    task: 'regression',
    family: 'linear',
    target: 'sale_price_usd',
    features,
    pipeline: ['prep: ColumnTransformer(...)', 'model: Ridge'],
    split: { strategy: 'random', testSize: 0.25, nTrain: 2238, nTest: 746 },
    cv: null,
    imbalance: null,
    metrics: { mae: 60_000, rmse: 85_000, r2: 0.7 },
    recipe: [FILTER],
    topFeatures: ['living_area_m2'],
    predictions: 300,
    seed: 42,
    ...patch,
  };
}

function snapshot(patch: Partial<LabSnapshot> = {}, steps: RecipeStep[] = [FILTER]): LabSnapshot {
  return {
    lab: 'house-prices',
    rootDatasetId: 'd1',
    datasets: [
      { id: 'd1', version: 1, nRows: 3000, columns, steps: [] },
      { id: 'd2', version: 2, nRows: 2984, columns, steps },
    ],
    models: [model({ recipe: steps })],
    forecasts: [],
    anomalyRuns: [],
    answers: { neighbourhoods: String(neighbourhoodCount(data)), 'price-skew': skewChoice(data) },
    ...patch,
  };
}

const outcome = (s: LabSnapshot, id: string) =>
  evaluateLab(housePricesLab, s, data)
    .steps.flatMap((step) => step.checkpoints)
    .find((c) => c.id === id);

describe('house-prices lab definition', () => {
  it('has six steps, checkpoints on every step, a truth among the skew choices', () => {
    expect(housePricesLab.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    for (const id of STEP_IDS)
      expect(
        housePricesLab.checkpoints.some((c) => c.step === id),
        id,
      ).toBe(true);
    expect(housePricesLab.steps.find((s) => s.id === 'clean')?.beforeAfter).toBe(true);
    const skew = housePricesLab.questions.find((q) => q.id === 'price-skew');
    expect(skew?.choices).toContain(skewChoice(data));
    expect(skewChoice(data)).toMatch(/well above/);
    expect(neighbourhoodCount(data)).toBeGreaterThanOrEqual(150);
  });

  it('makes new listings without the price, the planted outliers or known ids', () => {
    const next = houseNewListings(housePricesLab.seed);
    expect(next.columns.map((c) => c.name)).not.toContain('sale_price_usd');
    expect(next.rows).toHaveLength(300);
    expect(Math.max(...next.rows.map((r) => Number(r.living_area_m2)))).toBeLessThan(600);
    const ids = new Set(data.rows.map((r) => r.house_id));
    expect(next.rows.some((r) => ids.has(r.house_id))).toBe(false);
  });
});

describe('tracing rows through a recipe', () => {
  it('follows filters (missing values kept only by != / notIn / isMissing), clips and renames', () => {
    const rows = [{ a: 1 }, { a: null }, { a: 5 }];
    const idx = [0, 1, 2];
    expect(
      traceRows(rows, idx, [{ op: 'filter', column: 'a', operator: '<', value: 3 }]).map((r) => r.index),
    ).toEqual([0]);
    expect(
      traceRows(rows, idx, [{ op: 'filter', column: 'a', operator: '!=', value: 1 }]).map((r) => r.index),
    ).toEqual([1, 2]);
    const clipped = traceRows(rows, idx, [
      { op: 'rename', column: 'a', to: 'b' },
      { op: 'clip', column: 'b', upper: 2 },
    ]);
    expect(clipped.map((r) => r.row.b)).toEqual([1, null, 2]);
  });

  it('measures the planted outliers the recipe leaves and the ordinary houses it removes', () => {
    expect(outlierReport(data, [])).toMatchObject({ planted: 16, remaining: 16, realLost: 0 });
    expect(outlierReport(data, [FILTER])).toMatchObject({ remaining: 0, realLost: 0 });
    // Filtering the price alone removes the mansions, not the areas typed in square feet.
    const price = outlierReport(data, [
      { op: 'filter', column: 'sale_price_usd', operator: '<', value: 3e6 },
    ]);
    expect(price.remaining).toBe(10);
  });
});

describe('house-prices lab checkpoints', () => {
  it('all pass on the correct path', () => {
    const progress = evaluateLab(housePricesLab, snapshot(), data);
    const failing = progress.steps.flatMap((s) => s.checkpoints).filter((c) => c.status !== 'pass');
    expect(failing.map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
  });

  it('the classic mistake: a standardize step in the model’s recipe fails “Scaling fitted on the full data”', () => {
    const s = snapshot({}, [FILTER, STANDARDIZE]);
    const scaling = outcome(s, 'no-full-data-scaling');
    expect(scaling?.status).toBe('fail');
    expect(scaling?.detail).toMatch(/Scaling fitted on the full data/);
    expect(scaling?.hint?.text).toMatch(/pipeline scales inside each fold/);
    expect(scaling?.hint?.link).toBe('#/data/{dataset}?tab=clean');
    // Undone and retrained: the newest model's recipe decides.
    const fixed = snapshot({
      models: [
        model({ recipe: [FILTER, STANDARDIZE], createdAt: '2026-11-27T08:00:00.000Z' }),
        model({ id: 'm2' }),
      ],
    });
    expect(outcome(fixed, 'no-full-data-scaling')?.status).toBe('pass');
  });

  it('the outlier check waits while untouched, fails half-done or over-eager cleaning', () => {
    expect(outcome(snapshot({}, []), 'outliers-handled')?.status).toBe('pending');
    const half = snapshot({}, [{ op: 'filter', column: 'sale_price_usd', operator: '<', value: 3e6 }]);
    expect(outcome(half, 'outliers-handled')?.status).toBe('fail');
    expect(outcome(half, 'outliers-handled')?.detail).toMatch(/^10 of 16/);
    const eager = snapshot({}, [{ op: 'filter', column: 'living_area_m2', operator: '<=', value: 100 }]);
    expect(outcome(eager, 'outliers-handled')?.status).toBe('fail');
    expect(outcome(eager, 'outliers-handled')?.detail).toMatch(/ordinary houses/);
    const clipped = snapshot({}, [
      { op: 'clip', column: 'living_area_m2', upper: 400 },
      { op: 'filter', column: 'sale_price_usd', operator: '<=', value: 3e6 },
    ]);
    expect(outcome(clipped, 'outliers-handled')?.status).toBe('pass');
  });

  it('bands the MAE and wants a regression of the price', () => {
    for (const [mae, expected] of [
      [HONEST_MAE.min - 1, 'fail'],
      [70_000, 'pass'],
      [HONEST_MAE.max + 1, 'fail'],
    ] as const) {
      expect(outcome(snapshot({ models: [model({ metrics: { mae } })] }), 'honest-error')?.status).toBe(
        expected,
      );
    }
    const other = model({ target: 'bedrooms' });
    expect(outcome(snapshot({ models: [other] }), 'regression-target')?.status).toBe('fail');
  });

  it('fails an id used as a feature, checks the answers, waits for predictions', () => {
    expect(
      outcome(snapshot({ models: [model({ features: [...features, 'house_id'] })] }), 'id-not-feature')
        ?.status,
    ).toBe('fail');
    const wrong = snapshot({
      answers: { neighbourhoods: '12', 'price-skew': 'about equal to the median: symmetric' },
    });
    expect(outcome(wrong, 'neighbourhoods')?.status).toBe('fail');
    expect(outcome(wrong, 'price-skew')?.status).toBe('fail');
    expect(outcome(snapshot({ answers: {} }), 'neighbourhoods')?.status).toBe('pending');
    expect(outcome(snapshot({ models: [model({ predictions: 0 })] }), 'predictions-made')?.status).toBe(
      'pending',
    );
  });
});
