import { LogisticRegression, Matrix, rocAucScore, trainTestSplit } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import { generateChurn } from './churn';
import { toCsv } from './csv';
import { columnOf, correlation, fingerprint, mean, missingShare, numericColumn } from './measures';
import { report } from './report';
import type { LabDataset } from './types';

const data = generateChurn(7);
const churned = Int32Array.from(columnOf(data, 'churned'), (v) => (v === true ? 1 : 0));

/** Fits a logistic regression on standardised columns of the train rows and returns the holdout ROC AUC. */
function holdoutAuc(columns: Float64Array[]): number {
  const { train, test } = trainTestSplit(churned.length, {
    testSize: 0.3,
    stratify: churned,
    randomState: 1,
  });
  const scaled = columns.map((col) => {
    const trainValues = Float64Array.from(train, (i) => col[i]);
    const mu = mean(trainValues);
    const sd = Math.sqrt(mean(trainValues.map((v) => (v - mu) ** 2))) || 1;
    return col.map((v) => (v - mu) / sd);
  });
  const pick = (rows: Int32Array) =>
    Matrix.fromColumns(scaled.map((col) => Float64Array.from(rows, (i) => col[i])));
  const model = new LogisticRegression().fit(
    pick(train),
    Int32Array.from(train, (i) => churned[i]),
  );
  const proba = model.predictProba(pick(test));
  const score = Float64Array.from(test, (_, k) => proba.get(k, 1));
  return rocAucScore(
    Int32Array.from(test, (i) => churned[i]),
    score,
  );
}

/** The features a model may honestly use, with median imputation and a missing indicator for satisfaction. */
function honestFeatures(ds: LabDataset): Float64Array[] {
  const filled = (name: string) => {
    const col = numericColumn(ds, name);
    const med = mean(col.filter((v) => !Number.isNaN(v)));
    return col.map((v) => (Number.isNaN(v) ? med : v));
  };
  const is = (name: string, value: string) =>
    Float64Array.from(columnOf(ds, name), (v) => (v === value ? 1 : 0));
  return [
    filled('tenure_months'),
    filled('monthly_charges_usd'),
    filled('support_calls_90d'),
    filled('satisfaction_score'),
    Float64Array.from(columnOf(ds, 'satisfaction_score'), (v) => (v === null ? 1 : 0)),
    filled('data_usage_gb'),
    filled('age'),
    is('contract_type', 'month-to-month'),
    is('contract_type', 'two-year'),
    is('internet_service', 'fiber'),
  ];
}

describe('churn lab generator', () => {
  it('gives byte-identical CSV for the same seed and different CSV for another seed', () => {
    const csv = toCsv(data);
    expect(csv.startsWith('customer_id,age,tenure_months,')).toBe(true);
    expect(data.rows).toHaveLength(5000);
    expect(fingerprint(toCsv(generateChurn(7)))).toBe(fingerprint(csv));
    expect(fingerprint(toCsv(generateChurn(8)))).not.toBe(fingerprint(csv));
  });

  it('is imbalanced: 10–15% churners', () => {
    const rate = mean(churned);
    report(`churn rate ${rate.toFixed(4)}`);
    expect(rate).toBeGreaterThan(0.1);
    expect(rate).toBeLessThan(0.15);
  });

  it('has values missing at random and satisfaction missing not at random', () => {
    const shares = ['data_usage_gb', 'avg_call_minutes', 'satisfaction_score'].map((c) =>
      missingShare(data, c),
    );
    report(`missing shares ${shares.map((s) => s.toFixed(4)).join(' ')}`);
    expect(shares[0]).toBeGreaterThan(0.05);
    expect(shares[0]).toBeLessThan(0.11);
    expect(shares[1]).toBeGreaterThan(0.03);
    expect(shares[1]).toBeLessThan(0.07);
    expect(shares[2]).toBeGreaterThan(0.08);
    expect(shares[2]).toBeLessThan(0.3);
    // MCAR: data-usage gaps are unrelated to churn; MNAR: satisfaction gaps go with unhappy (churning, calling) customers.
    const usageGap = Float64Array.from(columnOf(data, 'data_usage_gb'), (v) => (v === null ? 1 : 0));
    const satisfactionGap = Float64Array.from(columnOf(data, 'satisfaction_score'), (v) =>
      v === null ? 1 : 0,
    );
    const calls = numericColumn(data, 'support_calls_90d');
    const y = Float64Array.from(churned);
    const gapRate = (value: number) => {
      let gaps = 0;
      let count = 0;
      churned.forEach((c, i) => {
        if (c !== value) return;
        count++;
        gaps += satisfactionGap[i];
      });
      return gaps / count;
    };
    const ratio = gapRate(1) / gapRate(0);
    const callsCorr = correlation(satisfactionGap, calls);
    report(
      `MCAR corr(usage gap, churn) ${correlation(usageGap, y).toFixed(3)}; MNAR satisfaction gap rate ` +
        `churners/stayers ${ratio.toFixed(2)}, corr(gap, support calls) ${callsCorr.toFixed(3)}`,
    );
    expect(Math.abs(correlation(usageGap, y))).toBeLessThan(0.05);
    expect(ratio).toBeGreaterThan(1.3);
    expect(callsCorr).toBeGreaterThan(0.1);
  });

  it('plants a leakage trap: the trap column alone beats every honest model', () => {
    const trap = Float64Array.from(columnOf(data, 'retention_offer_made'), (v) => (v === true ? 1 : 0));
    const trapAuc = holdoutAuc([trap]);
    const honestAuc = holdoutAuc(honestFeatures(data));
    report(`leakage AUC ${trapAuc.toFixed(4)}, honest AUC ${honestAuc.toFixed(4)}`);
    expect(trapAuc).toBeGreaterThan(0.95);
    expect(honestAuc).toBeGreaterThan(0.7);
    expect(honestAuc).toBeLessThan(0.85);
  });
});
