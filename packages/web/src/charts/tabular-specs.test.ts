import { describe, expect, it } from 'vitest';
import type { ModelCharts, ThresholdPoint } from '../api/types';
import { importanceSpec } from './importance-spec';
import { linePoints, lineSpec } from './line-spec';
import { modelChartSpecs } from './model-chart-specs';
import { renderSvg } from './render-svg';
import { scatterPoints, scatterSpec } from './scatter-spec';
import { spreadPoints, spreadSpec } from './spread-spec';
import { costSpec, thresholdSeries, thresholdSpec } from './threshold-spec';

// biome-ignore lint/suspicious/noExplicitAny: specs are read back as plain JSON
type LooseSpec = any;

async function expectRenders(spec: Parameters<typeof renderSvg>[0]): Promise<string> {
  const { svg, warnings } = await renderSvg(spec);
  expect(warnings).toEqual([]);
  expect(svg).toContain('<svg');
  return svg;
}

describe('spreadSpec', () => {
  const rows = [
    { label: 'Linear', folds: [0.7, 0.68, null, 0.71], mean: 0.6967 },
    { label: '<b>dummy</b>', folds: [0.5, 0.5], mean: 0.5 },
  ];

  it('keeps one point per finite fold, folds numbered from 1', () => {
    expect(spreadPoints(rows)).toEqual([
      { label: 'Linear', fold: 1, score: 0.7 },
      { label: 'Linear', fold: 2, score: 0.68 },
      { label: 'Linear', fold: 4, score: 0.71 },
      { label: '<b>dummy</b>', fold: 1, score: 0.5 },
      { label: '<b>dummy</b>', fold: 2, score: 0.5 },
    ]);
  });

  it('layers dots per fold and a tick at the mean, in the given order', () => {
    const spec = spreadSpec(rows, { title: 'ROC AUC' }) as LooseSpec;
    expect(spec.layer.map((l: LooseSpec) => l.mark.type)).toEqual(['circle', 'tick']);
    expect(spec.layer[0].encoding.y.sort).toEqual(['Linear', '<b>dummy</b>']);
    expect(spec.layer[1].data.values).toEqual([
      { label: 'Linear', mean: 0.6967 },
      { label: '<b>dummy</b>', mean: 0.5 },
    ]);
  });

  it('renders labels as escaped text', async () => {
    const svg = await expectRenders(spreadSpec(rows, { title: 'ROC AUC' }));
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;dummy');
  });
});

describe('lineSpec', () => {
  const roc = { label: 'yes', x: [0, 0.2, 1], y: [0, 0.8, Number.NaN] };

  it('drops non-finite points and keeps the series order', () => {
    expect(linePoints([roc])).toEqual([
      { series: 'yes', x: 0, y: 0, order: 0 },
      { series: 'yes', x: 0.2, y: 0.8, order: 1 },
    ]);
  });

  it('adds the reference diagonal and the threshold rule when asked', async () => {
    const spec = lineSpec([roc], {
      xTitle: 'FPR',
      yTitle: 'TPR',
      reference: [0, 0, 1, 1],
      rule: 0.3,
    }) as LooseSpec;
    expect(spec.layer.map((l: LooseSpec) => l.mark.type)).toEqual(['line', 'rule', 'rule']);
    expect(spec.layer[1].data.values).toEqual([{ x: 0, y: 0, x2: 1, y2: 1 }]);
    expect(spec.layer[2].data.values).toEqual([{ x: 0.3 }]);
    await expectRenders(spec);
  });
});

describe('thresholdSpec', () => {
  const curve: ThresholdPoint[] = [0, 0.5, 1].map((threshold, i) => ({
    threshold,
    tp: 5 - i,
    fp: 5 - 2 * i,
    tn: 2 * i,
    fn: i,
    precision: [0.5, 0.7, 1][i] ?? 0,
    recall: [1, 0.6, 0][i] ?? 0,
    f1: [0.67, 0.65, 0][i] ?? 0,
    cost: [10, 4, 8][i] ?? 0,
  }));

  it('plots precision, recall and F1 against the threshold', () => {
    const series = thresholdSeries(curve);
    expect(series.map((s) => s.label)).toEqual(['Precision', 'Recall', 'F1']);
    expect(series[2]?.y).toEqual([0.67, 0.65, 0]);
    expect(series[0]?.x).toEqual([0, 0.5, 1]);
  });

  it('marks the chosen threshold and renders', async () => {
    const spec = thresholdSpec(curve, 0.5) as LooseSpec;
    expect(spec.layer.at(-1).data.values).toEqual([{ x: 0.5 }]);
    await expectRenders(spec);
    await expectRenders(costSpec(curve, 0.5));
  });
});

describe('scatterSpec', () => {
  it('pairs finite values and draws the zero line for residuals', async () => {
    expect(scatterPoints([1, 2, Number.NaN], [0.5, -0.5, 1])).toEqual([
      { x: 1, y: 0.5 },
      { x: 2, y: -0.5 },
    ]);
    const spec = scatterSpec([1, 2], [0.5, -0.5], {
      xTitle: 'Fitted',
      yTitle: 'Residual',
      reference: 'zero',
    });
    expect((spec as LooseSpec).layer[1].data.values).toEqual([{ y: 0 }]);
    await expectRenders(spec);
  });

  it('draws the diagonal over the range of both axes for predicted vs actual', async () => {
    const spec = scatterSpec([1, 4], [2, 3], {
      xTitle: 'Actual',
      yTitle: 'Predicted',
      reference: 'diagonal',
    });
    expect((spec as LooseSpec).layer[1].data.values).toEqual([{ x: 1, y: 1, x2: 4, y2: 4 }]);
    await expectRenders(spec);
  });
});

describe('importanceSpec', () => {
  it('draws a bar per feature with a ±1 std whisker', async () => {
    const spec = importanceSpec(
      [
        { name: 'Salary', mean: 0.05, std: 0.01 },
        { name: 'Country', mean: 0.02, std: 0.005 },
      ],
      { metric: 'roc_auc' },
    ) as LooseSpec;
    expect(spec.data.values[0]).toEqual({
      name: 'Salary',
      mean: 0.05,
      low: 0.04,
      high: 0.060000000000000005,
    });
    expect(spec.layer.map((l: LooseSpec) => l.mark.type)).toEqual(['bar', 'rule']);
    await expectRenders(spec);
  });
});

describe('modelChartSpecs', () => {
  const base: ModelCharts = {
    task: 'classification',
    nRows: 100,
    roc: [{ label: 'yes', x: [0, 0.5, 1], y: [0, 0.8, 1], auc: 0.8 }],
    pr: [{ label: 'yes', x: [0, 0.5, 1], y: [1, 0.6, 0.2], auc: 0.55 }],
    calibration: [{ label: 'yes', x: [0.1, 0.5], y: [0.12, 0.4], brier: 0.08 }],
    lift: [{ label: 'yes', fraction: [0.1, 0.5, 1], lift: [3, 1.5, 1], gain: [0.3, 0.75, 1] }],
    confusionMatrix: null,
    residuals: null,
    predictedVsActual: null,
    importance: { metric: 'roc_auc', features: [{ name: 'a', mean: 0.1, std: 0.01 }] },
    partialDependence: [
      {
        feature: 'a',
        kind: 'numeric',
        grid: [0, 1, 2],
        outputs: [{ label: 'yes', values: [0.1, 0.2, 0.4] }],
      },
      {
        feature: 'c',
        kind: 'categorical',
        grid: ['x', 'y'],
        outputs: [{ label: 'yes', values: [0.1, 0.2] }],
      },
    ],
  };

  it('builds the classification charts, with AUC and Brier in the labels', async () => {
    const specs = modelChartSpecs(base);
    expect(specs.map((s) => s.key)).toEqual([
      'roc',
      'pr',
      'calibration',
      'lift',
      'importance',
      'pd-a',
      'pd-c',
    ]);
    const pd = specs[6]?.spec as LooseSpec;
    expect(pd.data.values).toEqual([
      { output: 'yes', category: 'x', value: 0.1 },
      { output: 'yes', category: 'y', value: 0.2 },
    ]);
    const roc = specs[0]?.spec as LooseSpec;
    expect(roc.layer[0].data.values[0].series).toBe('yes (AUC 0.800)');
    expect(specs[2]?.hint).toContain('0.0800');
    for (const s of specs) await expectRenders(s.spec);
  });

  it('builds residual and predicted-vs-actual charts for regression', () => {
    const specs = modelChartSpecs({
      ...base,
      task: 'regression',
      roc: null,
      pr: null,
      calibration: null,
      lift: null,
      residuals: { fitted: [1, 2], residual: [0.1, -0.2] },
      predictedVsActual: { actual: [1, 2], predicted: [1.1, 1.8] },
      partialDependence: [],
    });
    expect(specs.map((s) => s.key)).toEqual(['residuals', 'predicted-vs-actual', 'importance']);
  });
});
