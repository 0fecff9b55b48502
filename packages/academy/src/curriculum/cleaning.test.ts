import { describe, expect, it } from 'vitest';
import { report } from '../labs/report';
import { imputation } from './missing-values';
import { outlierCut } from './outliers';
import { profileLab } from './profiling';

describe('missing values lesson', () => {
  it('shows filling shrinks the spread and the gap in the survey score carries signal', () => {
    const filled = imputation({ column: 'satisfaction_score', strategy: 'mean', indicator: false });
    const flagged = imputation({ column: 'satisfaction_score', strategy: 'mean', indicator: true });
    const dropped = imputation({ column: 'satisfaction_score', strategy: 'drop', indicator: false });
    report(
      `satisfaction: churn missing ${filled.churnWhenMissing.toFixed(3)} vs present ${filled.churnWhenPresent.toFixed(3)}; ` +
        `AUC ${filled.auc.toFixed(4)} → flag ${flagged.auc.toFixed(4)}; sd ${filled.sdBefore.toFixed(3)} → ${filled.sdAfter.toFixed(3)}`,
    );
    expect(filled.sdAfter).toBeLessThan(filled.sdBefore * 0.95);
    expect(dropped.sdAfter).toBe(dropped.sdBefore);
    expect(dropped.rows).toBe(5000 - dropped.missing);
    expect(filled.churnWhenMissing).toBeGreaterThan(1.5 * filled.churnWhenPresent);
    expect(flagged.auc).toBeGreaterThan(filled.auc + 0.004);
    // Every gap is stacked on the fill value's bin.
    expect(filled.bins.reduce((a, b) => a + b.imputed, 0)).toBe(filled.missing);
    expect(filled.bins.filter((b) => b.imputed > 0)).toHaveLength(1);
  });

  it('shows the flag adds nothing when values are missing at random', () => {
    const plain = imputation({ column: 'data_usage_gb', strategy: 'median', indicator: false });
    const flagged = imputation({ column: 'data_usage_gb', strategy: 'median', indicator: true });
    report(`data usage: AUC ${plain.auc.toFixed(4)} → flag ${flagged.auc.toFixed(4)}`);
    expect(Math.abs(plain.churnWhenMissing - plain.churnWhenPresent)).toBeLessThan(0.03);
    expect(Math.abs(flagged.auc - plain.auc)).toBeLessThan(0.003);
  });
});

describe('outliers lesson', () => {
  it('shows the planted rows stretch the standard deviation but not the MAD', () => {
    const raw = outlierCut({ cut: 3.5, log: false });
    const log = outlierCut({ cut: 3.5, log: true });
    report(
      `sd ×${raw.sdInflation.toFixed(2)}, MAD ×${raw.madInflation.toFixed(3)}; robust flags raw ${raw.robustFlagged}, log ${log.robustFlagged} of ${raw.planted} planted`,
    );
    expect(raw.sdInflation).toBeGreaterThan(1.5);
    expect(raw.madInflation).toBeLessThan(1.02);
    expect(raw.robustCaught).toBe(raw.planted);
    // On the skewed raw scale the robust cut also flags honest big houses; on the log scale hardly any.
    expect(raw.robustFlagged).toBeGreaterThan(2 * raw.planted);
    expect(log.robustCaught).toBe(log.planted);
    expect(log.robustFlagged).toBeLessThan(1.3 * log.planted);
    expect(outlierCut({ cut: 2.5, log: true }).robustFlagged).toBeGreaterThan(log.robustFlagged);
  });
});

describe('profiling lesson', () => {
  it('warns about each lab table\u2019s planted problems', () => {
    const warningsOf = (lab: Parameters<typeof profileLab>[0], column: string) =>
      profileLab(lab)
        .columns.find((c) => c.name === column)
        ?.warnings.join('; ') ?? '';
    expect(warningsOf('churn', 'customer_id')).toMatch(/identifier/);
    expect(warningsOf('churn', 'satisfaction_score')).toMatch(/missing/);
    expect(warningsOf('churn', 'churned')).toMatch(/imbalanced/);
    expect(warningsOf('house-prices', 'neighbourhood')).toMatch(/high cardinality/);
    expect(warningsOf('house-prices', 'sale_price_usd')).toMatch(/skewed/);
    expect(warningsOf('payment-fraud', 'is_fraud')).toMatch(/imbalanced/);
    expect(profileLab('house-prices').warnings).not.toBe(profileLab('churn').warnings);
  });
});
