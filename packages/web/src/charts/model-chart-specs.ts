import type { TopLevelSpec } from 'vega-lite';
import type { ModelCharts } from '../api/types';
import { BAR_COLOR, SCHEMA_URL } from './colors';
import { importanceSpec } from './importance-spec';
import { lineSpec } from './line-spec';
import { scatterSpec } from './scatter-spec';

export interface NamedSpec {
  key: string;
  title: string;
  /** How to read it, one sentence. */
  hint: string;
  spec: TopLevelSpec;
}

function aucLabel(label: string, auc: number | undefined, name: string): string {
  return auc === undefined || !Number.isFinite(auc) ? label : `${label} (${name} ${auc.toFixed(3)})`;
}

/** Every chart the server computed for a model, as Vega-Lite specs, in reading order; missing ones are skipped. */
export function modelChartSpecs(charts: ModelCharts): NamedSpec[] {
  const out: NamedSpec[] = [];
  if (charts.roc?.length) {
    out.push({
      key: 'roc',
      title: 'ROC curve',
      hint: 'True against false positive rate over all thresholds; the diagonal is chance.',
      spec: lineSpec(
        charts.roc.map((c) => ({ ...c, label: aucLabel(c.label, c.auc, 'AUC') })),
        { xTitle: 'False positive rate', yTitle: 'True positive rate', reference: [0, 0, 1, 1], unit: true },
      ),
    });
  }
  if (charts.pr?.length) {
    out.push({
      key: 'pr',
      title: 'Precision–recall curve',
      hint: 'What precision each level of recall costs; the honest view for a rare class.',
      spec: lineSpec(
        charts.pr.map((c) => ({ ...c, label: aucLabel(c.label, c.auc, 'AP') })),
        { xTitle: 'Recall', yTitle: 'Precision', unit: true },
      ),
    });
  }
  if (charts.calibration?.length) {
    out.push({
      key: 'calibration',
      title: 'Calibration (reliability)',
      hint: `Observed rate against predicted probability; on the diagonal means calibrated. Brier ${charts.calibration
        .map((c) => c.brier.toFixed(4))
        .join(', ')} (lower is better).`,
      spec: lineSpec(charts.calibration, {
        xTitle: 'Mean predicted probability',
        yTitle: 'Fraction positive',
        reference: [0, 0, 1, 1],
        points: true,
        unit: true,
      }),
    });
  }
  if (charts.lift?.length) {
    out.push({
      key: 'lift',
      title: 'Lift',
      hint: 'How many times the base rate the top-scored fraction of rows holds; 1 is no better than random.',
      spec: lineSpec(
        charts.lift.map((l) => ({ label: l.label, x: l.fraction, y: l.lift })),
        {
          xTitle: 'Fraction of rows, highest scores first',
          yTitle: 'Lift',
          reference: [0, 1, 1, 1],
          points: true,
        },
      ),
    });
  }
  if (charts.residuals) {
    out.push({
      key: 'residuals',
      title: 'Residuals vs fitted',
      hint: 'A shapeless band around zero is good; a curve or a funnel means the model misses a pattern.',
      spec: scatterSpec(charts.residuals.fitted, charts.residuals.residual, {
        xTitle: 'Fitted',
        yTitle: 'Residual (actual − fitted)',
        reference: 'zero',
      }),
    });
  }
  if (charts.predictedVsActual) {
    out.push({
      key: 'predicted-vs-actual',
      title: 'Predicted vs actual',
      hint: 'A perfect model puts every dot on the dashed diagonal.',
      spec: scatterSpec(charts.predictedVsActual.actual, charts.predictedVsActual.predicted, {
        xTitle: 'Actual',
        yTitle: 'Predicted',
        reference: 'diagonal',
      }),
    });
  }
  if (charts.importance?.features.length) {
    out.push({
      key: 'importance',
      title: 'Permutation importance',
      hint: 'How much the holdout score drops when one feature is shuffled (5 repeats, ±1 std).',
      spec: importanceSpec(charts.importance.features, { metric: charts.importance.metric }),
    });
  }
  for (const pd of charts.partialDependence ?? []) {
    if (pd.kind === 'categorical') {
      out.push({
        key: `pd-${pd.feature}`,
        title: `Partial dependence: ${pd.feature}`,
        hint: 'The average prediction for each category of this feature, the others as observed.',
        spec: categoryBarsSpec(pd.feature, pd.grid.map(String), pd.outputs),
      });
      continue;
    }
    const x = pd.grid.map(Number);
    out.push({
      key: `pd-${pd.feature}`,
      title: `Partial dependence: ${pd.feature}`,
      hint: 'The average prediction as this feature alone varies.',
      spec: lineSpec(
        pd.outputs.map((o) => ({ label: o.label, x, y: o.values })),
        { xTitle: pd.feature, yTitle: 'Average prediction', points: true, height: 180 },
      ),
    });
  }
  return out;
}

/** Partial dependence over a categorical feature: a bar per category (and per output when there are several). */
export function categoryBarsSpec(
  feature: string,
  categories: string[],
  outputs: { label: string; values: number[] }[],
): TopLevelSpec {
  const values = outputs.flatMap((o) =>
    categories.flatMap((category, i) => {
      const value = o.values[i];
      return value !== undefined && Number.isFinite(value) ? [{ output: o.label, category, value }] : [];
    }),
  );
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(values.length, 1) * 18,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    mark: { type: 'bar', color: BAR_COLOR },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: categories, title: feature, axis: { labelLimit: 140 } },
      ...(outputs.length > 1 ? { yOffset: { field: 'output', type: 'nominal' as const } } : {}),
      x: { field: 'value', type: 'quantitative', title: 'Average prediction' },
      ...(outputs.length > 1 ? { color: { field: 'output', type: 'nominal' as const, title: null } } : {}),
      tooltip: [
        { field: 'category', type: 'nominal', title: feature },
        { field: 'output', type: 'nominal', title: 'Output' },
        { field: 'value', type: 'quantitative', title: 'Average prediction', format: '.4f' },
      ],
    },
  };
}
