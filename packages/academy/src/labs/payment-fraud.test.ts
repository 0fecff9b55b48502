import { averagePrecisionScore, IsolationForest, Matrix } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { columnOf, fingerprint, mean, median, numericColumn, psi } from './measures';
import { generatePaymentFraud } from './payment-fraud';
import { report } from './report';

const data = generatePaymentFraud(3);
const isFraud = Int32Array.from(columnOf(data, 'is_fraud'), (v) => (v === true ? 1 : 0));

describe('payment-fraud lab generator', () => {
  it('gives byte-identical CSV for the same seed and different CSV for another seed', () => {
    const csv = toCsv(data);
    expect(data.rows).toHaveLength(20_000);
    expect(fingerprint(toCsv(generatePaymentFraud(3)))).toBe(fingerprint(csv));
    expect(fingerprint(toCsv(generatePaymentFraud(4)))).not.toBe(fingerprint(csv));
  });

  it('has rare fraud that an isolation forest ranks far above the base rate', () => {
    const rate = mean(isFraud);
    const planted = data.problems.find((p) => p.kind === 'rare-anomalies')!.rows!;
    expect(planted.every((i) => isFraud[i] === 1)).toBe(true);
    expect(planted).toHaveLength(isFraud.reduce((a, b) => a + b, 0));
    // Features a learner would derive from the raw columns, with missing values filled.
    const device = numericColumn(data, 'device_age_days');
    const deviceMedian = median(device.filter((v) => !Number.isNaN(v)));
    const gap = numericColumn(data, 'seconds_since_prev_txn');
    const hour = columnOf(data, 'timestamp').map((t) => Number((t as string).slice(11, 13)));
    const X = Matrix.fromColumns([
      numericColumn(data, 'amount_usd').map(Math.log1p),
      Float64Array.from(hour, (h) => Math.abs(h - 14)),
      Float64Array.from(data.rows, (r) => (r.country === r.card_country ? 0 : 1)),
      device.map((v) => Math.log1p(Number.isNaN(v) ? deviceMedian : v)),
      gap.map((v) => Math.log1p(Number.isNaN(v) ? 1e7 : v)),
    ]);
    const forest = new IsolationForest({ nEstimators: 100, randomState: 0 }).fit(X);
    const ap = averagePrecisionScore(
      isFraud,
      forest.scoreSamples(X).map((s) => -s),
    );
    report(
      `fraud rate ${rate.toFixed(4)}, isolation forest AP ${ap.toFixed(3)} (${(ap / rate).toFixed(0)}× base)`,
    );
    expect(rate).toBeGreaterThan(0.003);
    expect(rate).toBeLessThan(0.008);
    expect(ap).toBeGreaterThan(20 * rate);
  });

  it('drifts in the last month in amount and channel but not in merchant mix', () => {
    const month = (m: string) => data.rows.filter((r) => (r.timestamp as string).slice(5, 7) === m);
    const jan = month('01');
    const jun = month('06');
    const drift = (name: string) =>
      psi(
        jan.map((r) => r[name]),
        jun.map((r) => r[name]),
      );
    const values = {
      amount: drift('amount_usd'),
      channel: drift('channel'),
      merchant: drift('merchant_category'),
    };
    report(
      `PSI Jan→Jun amount ${values.amount.toFixed(3)}, channel ${values.channel.toFixed(3)}, ` +
        `merchant_category ${values.merchant.toFixed(3)}`,
    );
    expect(values.amount).toBeGreaterThan(0.2);
    expect(values.channel).toBeGreaterThan(0.2);
    expect(values.merchant).toBeLessThan(0.1);
  });
});
