import { describe, expect, it } from 'vitest';
import { report } from '../labs/report';
import { cvFoldScores, holdoutSpread } from './cross-validation';
import { imbalanceMetrics } from './imbalance';
import { leakageHoldout } from './leakage';
import { thresholdMetrics } from './threshold';
import { bestDepth, depthCurve } from './tuning';

describe('splits and leakage lesson', () => {
  it('shows the leaky column inflates the holdout AUC wherever the split is', () => {
    for (const trainShare of [0.3, 0.7]) {
      const honest = leakageHoldout({ trainShare, includeLeak: false });
      const leaky = leakageHoldout({ trainShare, includeLeak: true });
      report(`train ${trainShare}: honest AUC ${honest.auc.toFixed(3)}, leaky ${leaky.auc.toFixed(3)}`);
      expect(honest.auc).toBeGreaterThan(0.75);
      expect(honest.auc).toBeLessThan(0.85);
      expect(leaky.auc).toBeGreaterThan(0.95);
      expect(honest.trainRows + honest.testRows).toBe(5000);
      expect(honest.trainRows).toBe(Math.round(5000 * trainShare));
      expect(honest.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    }
  });
});

describe('cross-validation lesson', () => {
  it('tests every row once and shows a single holdout wanders more than the CV mean', () => {
    const five = cvFoldScores(5);
    const ten = cvFoldScores(10);
    const spread = holdoutSpread(20);
    report(
      `5-fold ${five.mean.toFixed(3)} ± ${five.std.toFixed(3)}, 10-fold ${ten.mean.toFixed(3)} ± ${ten.std.toFixed(3)}, holdouts ${spread.min.toFixed(3)}–${spread.max.toFixed(3)}`,
    );
    expect(five.foldScores).toHaveLength(5);
    expect(ten.trainRows).toBe(4500);
    expect(Math.abs(five.mean - ten.mean)).toBeLessThan(0.01);
    expect(spread.max - spread.min).toBeGreaterThan(0.04);
    expect(spread.max - spread.min).toBeGreaterThan(4 * Math.abs(five.mean - ten.mean));
  });
});

describe('metrics lesson', () => {
  it('trades precision for recall as the threshold moves, leaving the AUCs alone', () => {
    const high = thresholdMetrics(0.5);
    const low = thresholdMetrics(0.15);
    report(
      `t=0.5: P ${high.precision.toFixed(3)} R ${high.recall.toFixed(3)} acc ${high.accuracy.toFixed(3)}; ` +
        `t=0.15: P ${low.precision.toFixed(3)} R ${low.recall.toFixed(3)}`,
    );
    expect(high.tp + high.fp + high.fn + high.tn).toBe(1500);
    expect(low.recall).toBeGreaterThan(high.recall + 0.3);
    expect(high.recall).toBeLessThan(0.1);
    expect(high.accuracy).toBeGreaterThan(0.85);
    expect(low.rocAuc).toBe(high.rocAuc);
    expect(low.averagePrecision).toBe(high.averagePrecision);
  });
});

describe('tuning lesson', () => {
  it('shows training AUC rising with depth while validation peaks at a modest depth', () => {
    const curve = depthCurve();
    const best = bestDepth(curve);
    report(
      `best depth ${best}: ${curve.map((p) => `${p.depth}:${p.train.toFixed(2)}/${p.validation.toFixed(2)}`).join(' ')}`,
    );
    expect(curve[curve.length - 1].train).toBeGreaterThan(0.95);
    expect(best).toBeGreaterThanOrEqual(3);
    expect(best).toBeLessThanOrEqual(8);
    const peak = curve[best - 1].validation;
    expect(peak - curve[curve.length - 1].validation).toBeGreaterThan(0.05);
    for (let d = 1; d < curve.length; d++)
      expect(curve[d].train).toBeGreaterThanOrEqual(curve[d - 1].train - 0.005);
  });
});

describe('class imbalance lesson', () => {
  it('shows accuracy matching the baseline for rare positives and class weights restoring recall', () => {
    const rare = imbalanceMetrics({ positiveShare: 0.02, classWeights: false });
    const weighted = imbalanceMetrics({ positiveShare: 0.02, classWeights: true });
    const common = imbalanceMetrics({ positiveShare: 0.2, classWeights: false });
    report(
      `2%: acc ${rare.accuracy.toFixed(3)} (baseline ${rare.baselineAccuracy.toFixed(3)}), bal ${rare.balancedAccuracy.toFixed(3)} → weighted ${weighted.balancedAccuracy.toFixed(3)}; PR AUC 2% ${rare.prAuc.toFixed(3)} 20% ${common.prAuc.toFixed(3)}`,
    );
    expect(Math.abs(rare.accuracy - rare.baselineAccuracy)).toBeLessThan(0.01);
    expect(rare.balancedAccuracy).toBeLessThan(0.55);
    expect(weighted.balancedAccuracy).toBeGreaterThan(rare.balancedAccuracy + 0.1);
    expect(weighted.recall).toBeGreaterThan(0.5);
    expect(weighted.accuracy).toBeLessThan(rare.accuracy);
    expect(common.prAuc).toBeGreaterThan(2 * rare.prAuc);
  });
});
