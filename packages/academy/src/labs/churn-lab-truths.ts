import type { LabSnapshot, SnapshotModel } from './lab-types';
import type { Cell, LabDataset } from './types';

/**
 * What the churn lab's questions and checks compare the learner's answers with, computed from the generated data
 * (never hard-coded): the churn share, the column that gives the answer away, and how the missing satisfaction
 * scores relate to churn. Shared with the house-prices lab: the "answer given as a number" check.
 */

export const CHURN_SHARES = ['about 2%', 'about 12%', 'about 30%', 'about 50%'] as const;

const isTrue = (v: Cell) => v === true || v === 'true';

/** The share of churned customers, as the choice nearest to it. */
export function churnShareChoice(data: LabDataset): string {
  const share = data.rows.filter((r) => isTrue(r[data.target])).length / Math.max(1, data.rows.length);
  const values = [0.02, 0.12, 0.3, 0.5];
  let best = 0;
  for (let k = 1; k < values.length; k++)
    if (Math.abs(values[k] - share) < Math.abs(values[best] - share)) best = k;
  return CHURN_SHARES[best];
}

/** Columns a learner may name as the give-away: every column but the id and the target, in file order. */
export function candidateColumns(data: LabDataset): string[] {
  return data.columns.filter((c) => c.type !== 'identifier' && c.name !== data.target).map((c) => c.name);
}

/**
 * The column that alone predicts the target best: for each categorical or boolean column, the accuracy of
 * predicting each value's majority class (a one-column lookup table). The leak wins by far (≈ 0.98 against the
 * 0.88 of always saying "no churn").
 */
export function mostPredictiveColumn(data: LabDataset): string {
  let best = '';
  let bestAccuracy = -1;
  for (const column of data.columns) {
    if (column.type !== 'boolean' && column.type !== 'categorical') continue;
    if (column.name === data.target) continue;
    const counts = new Map<string, [number, number]>();
    for (const row of data.rows) {
      const key = String(row[column.name]);
      const c = counts.get(key) ?? [0, 0];
      c[isTrue(row[data.target]) ? 1 : 0]++;
      counts.set(key, c);
    }
    let correct = 0;
    for (const [no, yes] of counts.values()) correct += Math.max(no, yes);
    const accuracy = correct / data.rows.length;
    if (accuracy > bestAccuracy) {
      bestAccuracy = accuracy;
      best = column.name;
    }
  }
  return best;
}

export const MISSING_CHURN_CHOICES = [
  'more often than those who answered',
  'about as often as those who answered',
  'less often than those who answered',
] as const;

/**
 * How often customers without a satisfaction score churn compared with those who answered: "more often" when
 * their churn rate is at least 1.25× the others', "less" below 0.8×, else "about as often".
 */
export function missingSatisfactionChoice(data: LabDataset): string {
  let missingN = 0;
  let missingChurn = 0;
  let answeredN = 0;
  let answeredChurn = 0;
  for (const row of data.rows) {
    const churned = isTrue(row[data.target]) ? 1 : 0;
    if (row.satisfaction_score === null) {
      missingN++;
      missingChurn += churned;
    } else {
      answeredN++;
      answeredChurn += churned;
    }
  }
  const ratio = missingChurn / Math.max(1, missingN) / Math.max(1e-9, answeredChurn / Math.max(1, answeredN));
  return ratio >= 1.25
    ? MISSING_CHURN_CHOICES[0]
    : ratio <= 0.8
      ? MISSING_CHURN_CHOICES[2]
      : MISSING_CHURN_CHOICES[1];
}

/** A numeric answer within `tolerance` of the truth (commas and spaces ignored). */
export function numberNear(
  s: LabSnapshot,
  questionId: string,
  expected: number,
  tolerance: number,
): { status: 'pass' | 'fail' | 'pending'; detail: string } {
  const given = s.answers[questionId];
  if (given === undefined || given.trim() === '') return { status: 'pending', detail: 'Not answered yet.' };
  const n = Number(given.replaceAll(/[\s,]/g, ''));
  if (!Number.isFinite(n)) return { status: 'fail', detail: `“${given}” is not a number; type digits only.` };
  return Math.abs(n - expected) <= tolerance
    ? { status: 'pass', detail: `You answered ${given}.` }
    : { status: 'fail', detail: `You answered ${given}; look again.` };
}

/** Every model that still uses `column` as a feature, newest first. */
export function modelsUsing(models: SnapshotModel[], column: string): SnapshotModel[] {
  return models.filter((m) => m.features.includes(column)).reverse();
}
