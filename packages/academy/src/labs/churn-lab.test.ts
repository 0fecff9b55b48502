import { describe, expect, it } from 'vitest';
import { churnLab, churnNewCustomers } from './churn-lab';
import { HONEST_AUC } from './churn-lab-checks';
import { churnShareChoice, missingSatisfactionChoice, mostPredictiveColumn } from './churn-lab-truths';
import { evaluateLab } from './evaluate';
import { type LabSnapshot, type SnapshotModel, STEP_IDS } from './lab-types';

/**
 * The churn lab's checkpoints on hand-made snapshots: each passes on the correct path and fails (or waits) on
 * the mistakes it is meant to catch. The truths the questions compare with are computed from the lab's data.
 */
const data = churnLab.generate(churnLab.seed);
const columns = data.columns.map((c) => ({ name: c.name, type: c.type, missing: 0 }));
const honestFeatures = data.columns
  .map((c) => c.name)
  .filter((n) => !['customer_id', 'churned', 'retention_offer_made'].includes(n));

function model(patch: Partial<SnapshotModel> = {}): SnapshotModel {
  return {
    id: 'm1',
    name: 'churn model',
    version: 1,
    createdAt: '2026-11-27T09:00:00.000Z',
    datasetId: 'd2',
    datasetVersion: 2,
    task: 'classification',
    family: 'linear',
    target: 'churned',
    features: honestFeatures,
    pipeline: ['prep: ColumnTransformer(...)', 'model: LogisticRegression'],
    split: { strategy: 'stratified', testSize: 0.25, nTrain: 3750, nTest: 1250 },
    cv: { strategy: 'stratified', k: 5, timeColumn: null },
    imbalance: { classWeight: 'balanced', resample: 'none' },
    metrics: { roc_auc: 0.75, balanced_accuracy: 0.68, accuracy: 0.7 },
    recipe: [{ op: 'drop', columns: ['retention_offer_made'] }],
    topFeatures: ['contract_type'],
    predictions: 500,
    seed: 42,
    ...patch,
  };
}

function snapshot(patch: Partial<LabSnapshot> = {}): LabSnapshot {
  return {
    lab: 'churn',
    rootDatasetId: 'd1',
    datasets: [
      { id: 'd1', version: 1, nRows: 5000, columns, steps: [] },
      {
        id: 'd2',
        version: 2,
        nRows: 5000,
        columns: columns.filter((c) => c.name !== 'retention_offer_made'),
        steps: [{ op: 'drop', columns: ['retention_offer_made'] }],
      },
    ],
    models: [model()],
    forecasts: [],
    anomalyRuns: [],
    answers: {
      'churn-share': churnShareChoice(data),
      'leaky-column': mostPredictiveColumn(data),
      'missing-satisfaction': missingSatisfactionChoice(data),
    },
    ...patch,
  };
}

const status = (s: LabSnapshot) =>
  Object.fromEntries(
    evaluateLab(churnLab, s, data)
      .steps.flatMap((step) => step.checkpoints)
      .map((c) => [c.id, c.status]),
  );
const outcome = (s: LabSnapshot, id: string) =>
  evaluateLab(churnLab, s, data)
    .steps.flatMap((step) => step.checkpoints)
    .find((c) => c.id === id);

describe('churn lab definition', () => {
  it('has six steps in order, checkpoints on every step, and question choices that hold the truth', () => {
    expect(churnLab.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    for (const id of STEP_IDS)
      expect(
        churnLab.checkpoints.some((c) => c.step === id),
        id,
      ).toBe(true);
    expect(churnLab.checkpoints.length).toBeGreaterThanOrEqual(8);
    expect(churnLab.steps.find((s) => s.id === 'clean')?.beforeAfter).toBe(true);
    for (const c of churnLab.checkpoints) {
      expect(c.explanation.length, c.id).toBeGreaterThan(20);
      expect(c.hint.link, c.id).toMatch(/^#\//);
    }
    const choices = Object.fromEntries(churnLab.questions.map((q) => [q.id, q.choices ?? []]));
    expect(choices['churn-share']).toContain(churnShareChoice(data));
    expect(choices['leaky-column']).toContain(mostPredictiveColumn(data));
    expect(choices['missing-satisfaction']).toContain(missingSatisfactionChoice(data));
  });

  it('computes the truths from the data: 12% churn, the leak, unhappy customers skipping the survey', () => {
    expect(churnShareChoice(data)).toBe('about 12%');
    expect(mostPredictiveColumn(data)).toBe('retention_offer_made');
    expect(missingSatisfactionChoice(data)).toBe('more often than those who answered');
  });

  it('makes next quarter’s file without the target and without the leaky column', () => {
    const next = churnNewCustomers(churnLab.seed);
    const names = next.columns.map((c) => c.name);
    expect(names).not.toContain('churned');
    expect(names).not.toContain('retention_offer_made');
    expect(next.rows).toHaveLength(500);
    expect(Object.keys(next.rows[0]).sort()).toEqual([...names].sort());
    const trainIds = new Set(data.rows.map((r) => r.customer_id));
    expect(next.rows.some((r) => trainIds.has(r.customer_id))).toBe(false);
    expect(churnNewCustomers(churnLab.seed)).toEqual(next);
  });
});

describe('churn lab checkpoints', () => {
  it('all pass on the correct path', () => {
    const progress = evaluateLab(churnLab, snapshot(), data);
    const failing = progress.steps.flatMap((s) => s.checkpoints).filter((c) => c.status !== 'pass');
    expect(failing.map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
    expect(progress.passed).toBe(progress.total);
  });

  it('before anything is done: the lab is not started and nothing passes', () => {
    const s = snapshot({ rootDatasetId: null, datasets: [], models: [], answers: {} });
    const result = status(s);
    expect(Object.values(result).every((v) => v === 'pending')).toBe(true);
  });

  it('the classic mistake: keeping the leaky column fails with the hint to drop it', () => {
    const leaky = model({
      features: [...honestFeatures, 'retention_offer_made'],
      recipe: [],
      metrics: { roc_auc: 0.975, balanced_accuracy: 0.95, accuracy: 0.97 },
    });
    const s = snapshot({ models: [leaky], datasets: snapshot().datasets.slice(0, 1) });
    const leak = outcome(s, 'leak-dropped');
    expect(leak?.status).toBe('fail');
    expect(leak?.hint?.text).toMatch(/Drop `retention_offer_made`/);
    expect(leak?.hint?.link).toBe('#/data/{dataset}?tab=clean');
    expect(outcome(s, 'honest-auc')?.status).toBe('fail');
    expect(outcome(s, 'honest-auc')?.detail).toMatch(/too good/);
    expect(outcome(s, 'predictions-made')?.status).toBe('fail');
  });

  it('the leak check waits while the column is in the data and no model exists, and passes once dropped', () => {
    const first = snapshot().datasets.slice(0, 1);
    expect(outcome(snapshot({ models: [], datasets: first }), 'leak-dropped')?.status).toBe('pending');
    expect(outcome(snapshot({ models: [] }), 'leak-dropped')?.status).toBe('pass');
  });

  it('judges the newest model: a later honest model fixes an earlier leaky one', () => {
    const leaky = model({
      id: 'm0',
      createdAt: '2026-11-27T08:00:00.000Z',
      features: ['retention_offer_made'],
    });
    expect(outcome(snapshot({ models: [model(), leaky] }), 'leak-dropped')?.status).toBe('pass');
  });

  it('fails an id used as a feature', () => {
    const s = snapshot({ models: [model({ features: [...honestFeatures, 'customer_id'] })] });
    expect(outcome(s, 'id-not-feature')?.status).toBe('fail');
  });

  it('accepts a stratified holdout or stratified folds, and fails when neither is', () => {
    const random = model({ split: { strategy: 'random', testSize: 0.25, nTrain: 1, nTest: 1 }, cv: null });
    expect(outcome(snapshot({ models: [random] }), 'stratified')?.status).toBe('fail');
    const cvOnly = model({
      split: { ...random.split },
      cv: { strategy: 'stratified', k: 5, timeColumn: null },
    });
    expect(outcome(snapshot({ models: [cvOnly] }), 'stratified')?.status).toBe('pass');
    const trainPage = model({ cv: null });
    expect(outcome(snapshot({ models: [trainPage] }), 'stratified')?.status).toBe('pass');
  });

  it('bands the ROC AUC: too low and too high fail', () => {
    for (const [auc, expected] of [
      [HONEST_AUC.min - 0.01, 'fail'],
      [0.74, 'pass'],
      [HONEST_AUC.max + 0.01, 'fail'],
    ] as const) {
      const s = snapshot({ models: [model({ metrics: { roc_auc: auc, balanced_accuracy: 0.7 } })] });
      expect(outcome(s, 'honest-auc')?.status, String(auc)).toBe(expected);
    }
    const wrongTarget = model({ target: 'contract_type', metrics: { roc_auc_ovr: 0.7 } });
    expect(outcome(snapshot({ models: [wrongTarget] }), 'honest-auc')?.status).toBe('fail');
  });

  it('wants the rare class handled: class weights, resampling or a threshold; and balanced accuracy reached', () => {
    const plain = model({
      imbalance: null,
      metrics: { roc_auc: 0.75, balanced_accuracy: 0.51, accuracy: 0.88 },
    });
    expect(outcome(snapshot({ models: [plain] }), 'imbalance-handled')?.status).toBe('fail');
    expect(outcome(snapshot({ models: [plain] }), 'balanced-accuracy')?.status).toBe('fail');
    const resampled = model({ imbalance: { classWeight: null, resample: 'oversample' } });
    expect(outcome(snapshot({ models: [resampled] }), 'imbalance-handled')?.status).toBe('pass');
    const threshold = model({ imbalance: null, threshold: 0.2 });
    expect(outcome(snapshot({ models: [threshold] }), 'imbalance-handled')?.status).toBe('pass');
  });

  it('checks the answers against the data and waits for unanswered questions', () => {
    const wrong = snapshot({ answers: { 'churn-share': 'about 50%', 'leaky-column': 'tenure_months' } });
    expect(outcome(wrong, 'churn-share')?.status).toBe('fail');
    expect(outcome(wrong, 'leaky-column')?.status).toBe('fail');
    expect(outcome(wrong, 'missing-satisfaction')?.status).toBe('pending');
  });

  it('waits for predictions with the latest model', () => {
    const s = snapshot({ models: [model({ predictions: 0 })] });
    expect(outcome(s, 'predictions-made')?.status).toBe('pending');
  });
});
