import { describe, expect, it } from 'vitest';
import {
  cvText,
  decisionText,
  differenceColor,
  imbalanceText,
  lineageDifferences,
  originText,
  paramText,
  splitText,
} from './lineage-text';

describe('lineage as sentences', () => {
  it('reads split and folds', () => {
    expect(
      splitText({ strategy: 'stratified', testSize: 0.25, nTrain: 7500, nTest: 2500, testRowsSha256: 'x' }),
    ).toBe('stratified holdout of 25%: 7,500 training rows, 2,500 holdout rows');
    expect(
      cvText({
        strategy: 'group',
        k: 3,
        groupColumn: 'site',
        timeColumn: null,
        foldSizes: [10, 11, 9],
        assignmentSha256: 'y',
      }),
    ).toBe("3 folds, group k-fold on 'site'; validation rows per fold: 10, 11, 9");
    expect(cvText(null)).toBe('none (trained without cross-validation)');
  });

  it('reads imbalance, decision and origin', () => {
    expect(imbalanceText({ classWeight: 'balanced', resample: 'oversample' })).toBe(
      'balanced class weights, oversampling inside the fit rows',
    );
    expect(imbalanceText({ classWeight: null, resample: 'none' })).toBe('none');
    expect(
      decisionText({
        task: 'classification',
        threshold: { value: 0.234, positiveClass: 'Yes', goal: { metric: 'f1' } },
        calibration: null,
      }),
    ).toBe("'Yes' when its probability ≥ 0.23 (best F1); uncalibrated probabilities");
    expect(decisionText({ task: 'classification', threshold: null, calibration: 'isotonic' })).toBe(
      'the most probable class; isotonic calibration',
    );
    expect(originText({ source: 'tuning', tuningId: 't1', leaderboardId: null })).toBe(
      'saved from tuning run t1',
    );
    expect(paramText(null)).toBe('none');
    expect(paramText(0.1 + 0.2)).toBe('0.3');
  });

  it('compares: differences without the metrics twice, colours by the metric direction', () => {
    const differences = [
      { field: 'lineage.imbalance.classWeight', a: null, b: 'balanced' },
      { field: 'lineage.metrics.roc_auc', a: 0.65, b: 0.66 },
      { field: 'lineage.params.classWeight', a: null, b: 'balanced' },
      { field: 'params.classWeight', a: null, b: 'balanced' },
      { field: 'threshold.value', a: 0.16, b: 0.62 },
    ];
    expect(lineageDifferences(differences).map((d) => d.field)).toEqual([
      'lineage.imbalance.classWeight',
      'lineage.params.classWeight',
      'threshold.value',
    ]);
    expect(differenceColor('log_loss', 0.3)).toBe('red.8');
    expect(differenceColor('roc_auc', 0.3)).toBe('teal.8');
    expect(differenceColor('brier', -0.1)).toBe('teal.8');
    expect(differenceColor('f1', 0.0001)).toBeUndefined();
    expect(differenceColor('f1', null)).toBeUndefined();
  });
});
