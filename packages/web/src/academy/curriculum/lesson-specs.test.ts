import {
  anomalyFlags,
  churnPrCurve,
  cvFoldScores,
  depthCurve,
  imputation,
  leakageHoldout,
  outlierCut,
  priceDistribution,
  scatterTrend,
  thresholdMetrics,
  walkForward,
} from '@quarry/academy/curriculum';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../charts/render-svg';
import {
  barsSpec,
  binsSpec,
  countsSpec,
  curveWithPointSpec,
  dotsSpec,
  groupedBarsSpec,
  imputedSpec,
  linesSpec,
  outlierSpec,
  scatterSpec,
} from './lesson-specs';

/** Every lesson chart, built from the lesson's real numbers, compiles and renders without a Vega warning. */
describe('lesson chart specs', () => {
  it('render the distribution, scatter and outlier charts', async () => {
    const dist = priceDistribution(true);
    const scatter = scatterTrend({ log: true, sample: 200 });
    const outliers = outlierCut({ cut: 3.5, log: true });
    for (const spec of [
      binsSpec(dist.histogram, 'log(price)'),
      scatterSpec(scatter.points, scatter.trend, true),
      outlierSpec(outliers.points, 3.5, true),
      countsSpec([
        { value: 'a', count: 3 },
        { value: 'b', count: 1 },
      ]),
    ]) {
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
      expect(svg).toContain('<svg');
    }
  });

  it('stack imputed values on observed ones, with whole-number ticks for the survey score', async () => {
    const d = imputation({ column: 'satisfaction_score', strategy: 'mean', indicator: false });
    const { svg, warnings } = await renderSvg(
      imputedSpec(
        d.bins,
        d.column,
        d.bins.map((b) => (b.start + b.end) / 2),
      ),
    );
    expect(warnings).toEqual([]);
    expect(svg).toContain('imputed');
    expect(svg).not.toContain('>2.5<');
  });

  it('render the modelling charts: ROC, folds, PR curve, validation curve', async () => {
    const roc = leakageHoldout({ trainShare: 0.7, includeLeak: false }).roc;
    const cv = cvFoldScores(5);
    const m = thresholdMetrics(0.3);
    for (const spec of [
      linesSpec(
        roc,
        { field: 'fpr', type: 'quantitative', title: 'FPR' },
        [{ field: 'tpr', label: 'ROC' }],
        'TPR',
        {
          domain: [0, 1],
        },
      ),
      dotsSpec(cv.foldScores, cv.mean, 'AUC', [0.68, 0.88]),
      curveWithPointSpec(churnPrCurve(), { recall: m.recall, precision: m.precision }),
      linesSpec(
        depthCurve(),
        { field: 'depth', type: 'quantitative', title: 'maxDepth' },
        [
          { field: 'train', label: 'Training' },
          { field: 'validation', label: 'Validation' },
        ],
        'ROC AUC',
        { rule: 4, integerX: true },
      ),
    ]) {
      const { warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
    }
  });

  it('render the backtest, weekday and detector charts', async () => {
    const bt = walkForward({ product: 'P01', horizon: 7 });
    const an = anomalyFlags(0.05);
    for (const spec of [
      linesSpec(
        bt.lastFold,
        { field: 'date', type: 'temporal', title: null },
        [
          { field: 'actual', label: 'Actual' },
          { field: 'ets', label: 'ETS' },
        ],
        'Units',
      ),
      barsSpec(
        [
          { label: 'Mon', value: -3 },
          { label: 'Sat', value: 9 },
        ],
        'Effect',
      ),
      groupedBarsSpec(an.detectors.map((d) => ({ item: d.detector, measure: 'recall', value: d.recall }))),
    ]) {
      const { warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
    }
  });
});
