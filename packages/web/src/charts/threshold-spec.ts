import type { TopLevelSpec } from 'vega-lite';
import type { ThresholdPoint } from '../api/types';
import { lineSpec, type Series } from './line-spec';

/** Precision, recall and F1 against the decision threshold, one series each. */
export function thresholdSeries(curve: ThresholdPoint[]): Series[] {
  const x = curve.map((p) => p.threshold);
  return [
    { label: 'Precision', x, y: curve.map((p) => p.precision) },
    { label: 'Recall', x, y: curve.map((p) => p.recall) },
    { label: 'F1', x, y: curve.map((p) => p.f1) },
  ];
}

/** The threshold plot: how precision, recall and F1 trade off, with the chosen threshold as a rule. */
export function thresholdSpec(curve: ThresholdPoint[], chosen: number): TopLevelSpec {
  return lineSpec(thresholdSeries(curve), {
    xTitle: 'Decision threshold',
    yTitle: 'Out-of-fold score',
    rule: chosen,
    unit: true,
  });
}

/** The total cost of the errors against the threshold (cost-matrix goal). */
export function costSpec(curve: ThresholdPoint[], chosen: number): TopLevelSpec {
  const points = curve.filter((p) => typeof p.cost === 'number');
  return lineSpec([{ label: 'Cost', x: points.map((p) => p.threshold), y: points.map((p) => p.cost ?? 0) }], {
    xTitle: 'Decision threshold',
    yTitle: 'Total cost of errors',
    rule: chosen,
    height: 160,
  });
}
