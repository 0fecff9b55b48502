import { describe, expect, it } from 'vitest';
import { evaluateLab } from './evaluate';
import type { LabSnapshot, SnapshotAnomalyRun, SnapshotModel } from './lab-types';
import { STEP_IDS } from './lab-types';
import { psi } from './measures';
import { paymentFraudLab } from './payment-fraud-lab';
import { MIN_AP_TIMES_BASE } from './payment-fraud-lab-checks';
import {
  DRIFT_CHOICES,
  distinctCustomers,
  driftColumn,
  fraudCount,
  fraudRate,
  plantedFraudRows,
} from './payment-fraud-lab-truths';

/**
 * The payment-fraud lab's checkpoints on hand-made snapshots: the correct path passes every one; each mistake
 * fails the checkpoint meant to catch it (with its hint). Truths come from the lab's generated data.
 */
const data = paymentFraudLab.generate(paymentFraudLab.seed);
const planted = plantedFraudRows(data);
const base = fraudRate(data);
const rawColumns = data.columns.map((c) => ({ name: c.name, type: c.type, missing: 0 }));
const cleanColumns = [
  ...rawColumns.filter((c) => c.name !== 'transaction_id' && c.name !== 'customer_id'),
  { name: 'timestamp_hour', type: 'numeric', missing: 0 },
  { name: 'timestamp_month', type: 'numeric', missing: 0 },
];
const cleanSteps = [
  { op: 'drop', columns: ['transaction_id', 'customer_id'] },
  { op: 'dateParts', column: 'timestamp', parts: ['hour', 'month'] },
];
const features = cleanColumns
  .map((c) => c.name)
  .filter((n) => !['is_fraud', 'timestamp', 'timestamp_month'].includes(n));

function model(patch: Partial<SnapshotModel> = {}): SnapshotModel {
  return {
    id: 'm1',
    name: 'fraud model',
    version: 1,
    createdAt: '2026-11-27T09:00:00.000Z',
    datasetId: 'd3',
    datasetVersion: 3,
    task: 'classification',
    family: 'forest',
    target: 'is_fraud',
    features,
    pipeline: ['prep: ColumnTransformer(...)', 'model: RandomForestClassifier'],
    split: { strategy: 'time', testSize: 0.17, nTrain: 16_600, nTest: 3400 },
    cv: { strategy: 'time', k: 3, timeColumn: 'timestamp' },
    imbalance: { classWeight: null, resample: 'none' },
    metrics: { average_precision: 0.9, accuracy: 0.999, roc_auc: 0.99 },
    recipe: cleanSteps,
    topFeatures: ['amount_usd'],
    predictions: 3200,
    seed: 42,
    ...patch,
  };
}

/** A run at 0.5% that flags 100 rows: `caught` planted frauds plus ordinary rows. */
function run(patch: Partial<SnapshotAnomalyRun> = {}, caught = 30): SnapshotAnomalyRun {
  const fraud = new Set(planted);
  const ordinary = data.rows.map((_, i) => i).filter((i) => !fraud.has(i));
  return {
    id: 'a1',
    createdAt: '2026-11-27T09:10:00.000Z',
    datasetId: 'd3',
    columns: ['amount_usd', 'country', 'device_age_days', 'seconds_since_prev_txn', 'timestamp_hour'],
    detectors: ['isolation_forest', 'lof', 'robust_z', 'mahalanobis'],
    nRows: data.rows.length,
    nFlagged: 100,
    labels: { anomaly: 2, normal: 1 },
    flaggedRows: [...planted.slice(0, caught), ...ordinary.slice(0, 100 - caught)],
    ...patch,
  };
}

function snapshot(patch: Partial<LabSnapshot> = {}): LabSnapshot {
  return {
    lab: 'payment-fraud',
    rootDatasetId: 'd1',
    datasets: [
      { id: 'd1', version: 1, nRows: 20_000, columns: rawColumns, steps: [] },
      { id: 'd2', version: 2, nRows: 20_000, columns: rawColumns.slice(2), steps: cleanSteps.slice(0, 1) },
      { id: 'd3', version: 3, nRows: 20_000, columns: cleanColumns, steps: cleanSteps },
    ],
    models: [model()],
    forecasts: [],
    anomalyRuns: [run()],
    answers: {
      'customers-count': distinctCustomers(data).toLocaleString('en-US'),
      'fraud-count': String(fraudCount(data)),
      'drift-column': driftColumn(data),
    },
    ...patch,
  };
}

const outcomes = (s: LabSnapshot) =>
  evaluateLab(paymentFraudLab, s, data).steps.flatMap((step) => step.checkpoints);
const outcome = (s: LabSnapshot, id: string) => {
  const found = outcomes(s).find((c) => c.id === id);
  if (found === undefined) throw new Error(`no checkpoint ${id}`);
  return found;
};

describe('payment-fraud lab definition', () => {
  it('has six steps in order, each with a link, instructions and at least one checkpoint', () => {
    expect(paymentFraudLab.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    for (const step of paymentFraudLab.steps) {
      expect(step.link.startsWith('#/')).toBe(true);
      expect(step.instructions.length).toBeGreaterThanOrEqual(2);
      expect(paymentFraudLab.checkpoints.some((c) => c.step === step.id)).toBe(true);
    }
    expect(paymentFraudLab.steps.find((s) => s.id === 'clean')?.beforeAfter).toBe(true);
    expect(paymentFraudLab.goals.length).toBeGreaterThanOrEqual(3);
    expect(paymentFraudLab.estimatedMinutes).toBeLessThan(30);
    const ids = paymentFraudLab.checkpoints.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of paymentFraudLab.checkpoints) {
      expect(c.explanation.length).toBeGreaterThan(40);
      expect(c.hint.text.length).toBeGreaterThan(20);
      expect(c.hint.link.startsWith('#/')).toBe(true);
    }
  });

  it('computes its truths from the data: 100 frauds, the drifting column is channel', () => {
    expect(fraudCount(data)).toBe(planted.length);
    expect(base).toBeGreaterThan(0.003);
    expect(base).toBeLessThan(0.008);
    expect(distinctCustomers(data)).toBeGreaterThan(1000);
    // The question's answer is the one offered column that really moved in June; the other two did not.
    const month = (r: (typeof data.rows)[number]) => (r.timestamp as string).slice(5, 7);
    const drift = (name: string) =>
      psi(
        data.rows.filter((r) => month(r) !== '06').map((r) => r[name]),
        data.rows.filter((r) => month(r) === '06').map((r) => r[name]),
      );
    expect(driftColumn(data)).toBe('channel');
    expect(drift('channel')).toBeGreaterThan(0.2);
    for (const other of DRIFT_CHOICES.filter((c) => c !== 'channel')) expect(drift(other)).toBeLessThan(0.1);
  });

  it('has a new month to score: July payments, no label, fresh references, same seed same rows', () => {
    const next = paymentFraudLab.newData?.(paymentFraudLab.seed);
    expect(next).toBeDefined();
    if (next === undefined) return;
    expect(next.rows.length).toBeGreaterThan(2500);
    expect(next.columns.map((c) => c.name)).not.toContain('is_fraud');
    expect(next.rows.every((r) => !('is_fraud' in r))).toBe(true);
    expect(next.rows.every((r) => (r.timestamp as string).startsWith('2026-07'))).toBe(true);
    const ids = new Set(data.rows.map((r) => r.transaction_id));
    expect(next.rows.some((r) => ids.has(r.transaction_id))).toBe(false);
    expect(paymentFraudLab.newData?.(paymentFraudLab.seed).rows).toEqual(next.rows);
  });
});

describe('payment-fraud lab checkpoints', () => {
  it('all pass on the correct path', () => {
    const failing = outcomes(snapshot()).filter((c) => c.status !== 'pass');
    expect(failing.map((c) => [c.id, c.detail])).toEqual([]);
  });

  it('wait (pending) before the lab starts, with the start hint', () => {
    const empty: LabSnapshot = {
      lab: 'payment-fraud',
      rootDatasetId: null,
      datasets: [],
      models: [],
      forecasts: [],
      anomalyRuns: [],
      answers: {},
    };
    const all = outcomes(empty);
    expect(all.every((c) => c.status === 'pending')).toBe(true);
    expect(all.find((c) => c.id === 'data-loaded')?.hint?.text).toContain('Start lab');
  });

  it('number questions accept "2,500"-style answers and fail a wrong number', () => {
    expect(outcome(snapshot(), 'customers-count').status).toBe('pass');
    // The Profile tab's distinct count may be approximate: within 3% counts, 10% off does not.
    const near = String(Math.round(distinctCustomers(data) * 1.02));
    const far = String(Math.round(distinctCustomers(data) * 1.1));
    expect(outcome(snapshot({ answers: { 'customers-count': near } }), 'customers-count').status).toBe(
      'pass',
    );
    expect(outcome(snapshot({ answers: { 'customers-count': far } }), 'customers-count').status).toBe('fail');
    const wrong = snapshot({ answers: { ...snapshot().answers, 'fraud-count': '99.5' } });
    expect(outcome(wrong, 'fraud-count').status).toBe('fail');
    const words = snapshot({ answers: { ...snapshot().answers, 'fraud-count': 'a hundred' } });
    expect(outcome(words, 'fraud-count').detail).toContain('not a number');
    const unanswered = snapshot({ answers: {} });
    expect(outcome(unanswered, 'drift-column').status).toBe('pending');
    const drift = snapshot({ answers: { ...snapshot().answers, 'drift-column': 'merchant_category' } });
    expect(outcome(drift, 'drift-column').status).toBe('fail');
  });

  it('ids-out: fails when the model uses an id, passes when dropped or never used', () => {
    const used = snapshot({ models: [model({ features: [...features, 'customer_id'] })] });
    const failed = outcome(used, 'ids-out');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('customer_id');
    expect(failed.hint?.link).toBe('#/data/{dataset}?tab=clean');
    // Kept in the data but never a feature: fine.
    const kept = snapshot({
      datasets: [{ id: 'd1', version: 1, nRows: 20_000, columns: rawColumns, steps: [] }],
    });
    expect(outcome(kept, 'ids-out').status).toBe('pass');
    expect(outcome({ ...kept, models: [] }, 'ids-out').status).toBe('pending');
  });

  it('hour-derived: fails when cleaning skipped the hour of timestamp', () => {
    const noHour = snapshot({
      datasets: [
        { id: 'd1', version: 1, nRows: 20_000, columns: rawColumns, steps: [] },
        { id: 'd2', version: 2, nRows: 20_000, columns: rawColumns.slice(2), steps: cleanSteps.slice(0, 1) },
      ],
    });
    expect(outcome(noHour, 'hour-derived').status).toBe('fail');
    expect(outcome(noHour, 'hour-derived').hint?.text).toContain('Date parts');
  });

  it('time-split: a random or stratified split fails, as does a tiny time holdout', () => {
    const stratified = snapshot({
      models: [model({ split: { strategy: 'stratified', testSize: 0.25, nTrain: 15_000, nTest: 5000 } })],
    });
    const failed = outcome(stratified, 'time-split');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('stratified');
    expect(failed.hint?.text).toContain('Time-ordered (train on the past)');
    const tiny = snapshot({
      models: [model({ split: { strategy: 'time', testSize: 0.05, nTrain: 19_000, nTest: 1000 } })],
    });
    expect(outcome(tiny, 'time-split').status).toBe('fail');
    // Only models of is_fraud count: a model of another target is ignored.
    const other = snapshot({ models: [model({ target: 'amount_usd', task: 'regression' })] });
    expect(outcome(other, 'time-split').status).toBe('pending');
  });

  it('no-calendar-feature: a model that uses the derived month fails; one without it passes', () => {
    const withMonth = snapshot({ models: [model({ features: [...features, 'timestamp_month'] })] });
    const failed = outcome(withMonth, 'no-calendar-feature');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('timestamp_month');
    expect(failed.hint?.link).toBe('#/data/{dataset}?tab=clean');
    expect(outcome(snapshot(), 'no-calendar-feature').status).toBe('pass');
  });

  it('precision-recall: a dummy-like model or one without average precision fails', () => {
    const dummy = snapshot({ models: [model({ metrics: { average_precision: base, accuracy: 1 - base } })] });
    expect(outcome(dummy, 'precision-recall').status).toBe('fail');
    const justAbove = snapshot({
      models: [model({ metrics: { average_precision: MIN_AP_TIMES_BASE * base + 0.01 } })],
    });
    expect(outcome(justAbove, 'precision-recall').status).toBe('pass');
    const single = snapshot({ models: [model({ metrics: { accuracy: 0.999, roc_auc: 0.99 } })] });
    expect(outcome(single, 'precision-recall').detail).toContain('Compare families');
  });

  it('detector-blind: a run that looked at is_fraud fails', () => {
    const peeked = snapshot({ anomalyRuns: [run({ columns: ['amount_usd', 'is_fraud'] })] });
    expect(outcome(peeked, 'detector-blind').status).toBe('fail');
    expect(outcome(peeked, 'detector-blind').hint?.text).toContain('Columns to look at');
  });

  it('alert-rate: flagging 10% (or far too few) fails; the latest run is the one judged', () => {
    const tenPercent = run({ id: 'a2', createdAt: '2026-11-27T09:20:00.000Z', nFlagged: 2000 });
    const s = snapshot({ anomalyRuns: [run(), tenPercent] });
    const failed = outcome(s, 'alert-rate');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('2000 of 20000');
    expect(failed.hint?.text).toContain('Expected share of anomalies');
    expect(outcome(snapshot({ anomalyRuns: [run({ nFlagged: 20 })] }), 'alert-rate').status).toBe('fail');
    expect(outcome(snapshot({ anomalyRuns: [run({ nFlagged: 200 })] }), 'alert-rate').status).toBe('pass');
  });

  it('frauds-caught: too few planted frauds among the flagged rows, or a filtered data set, fails', () => {
    const few = snapshot({ anomalyRuns: [run({}, 5)] });
    expect(outcome(few, 'frauds-caught').status).toBe('fail');
    expect(outcome(few, 'frauds-caught').detail).toContain('5 of the 100');
    // Catching many by flagging many does not count: at 10% the catch is judged only once the cut is sane.
    const wide = snapshot({ anomalyRuns: [run({ nFlagged: 2000 }, 60)] });
    expect(outcome(wide, 'frauds-caught').status).toBe('fail');
    expect(outcome(wide, 'frauds-caught').detail).toContain('lower the share first');
    const filtered = snapshot({ anomalyRuns: [run({ nRows: 19_000 })] });
    expect(outcome(filtered, 'frauds-caught').detail).toContain('keeps every payment');
  });

  it('rows-reviewed: needs three marked rows on a run', () => {
    const two = snapshot({ anomalyRuns: [run({ labels: { anomaly: 1, normal: 1 } })] });
    expect(outcome(two, 'rows-reviewed').status).toBe('fail');
    const none = snapshot({ anomalyRuns: [run({ labels: { anomaly: 0, normal: 0 } })] });
    expect(outcome(none, 'rows-reviewed').status).toBe('pending');
  });

  it('new-month-scored: predictions from a model not tested on a time split fail', () => {
    const random = snapshot({
      models: [model({ split: { strategy: 'stratified', testSize: 0.25, nTrain: 15_000, nTest: 5000 } })],
    });
    expect(outcome(random, 'new-month-scored').status).toBe('fail');
    expect(outcome(snapshot({ models: [model({ predictions: 0 })] }), 'new-month-scored').status).toBe(
      'pending',
    );
  });
});
