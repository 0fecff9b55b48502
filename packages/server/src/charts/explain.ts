import {
  type Estimator,
  type Frame,
  type Labels,
  partialDependence,
  permutationImportance,
} from '@quarry/ml';
import type { ModelCharts } from './types';

const TOP_IMPORTANCE = 15;
const TOP_DEPENDENCE = 3;
const MAX_PD_LEVELS = 50;

/**
 * Permutation importance on the holdout rows (5 seeded repeats, scored by the task's main metric), the top 15
 * features; and partial dependence (20 grid points, or every category) for the top 3, each output's mean
 * prediction — the positive class's probability for two classes.
 */
export function explainModel(
  model: Estimator,
  X: Frame,
  y: Labels | Float64Array,
  options: { metric: string; seed: number; pdRows: Int32Array; binary: boolean },
): Pick<ModelCharts, 'importance' | 'partialDependence'> {
  const result = permutationImportance(model, X, y, {
    scoring: options.metric,
    nRepeats: 5,
    randomState: options.seed,
  });
  const features = result.featureNames
    .map((name, j) => ({ name, mean: result.importancesMean[j], std: result.importancesStd[j] }))
    .sort((a, b) => b.mean - a.mean || a.name.localeCompare(b.name))
    .slice(0, TOP_IMPORTANCE);
  const Xpd = X.take(options.pdRows);
  const partial: ModelCharts['partialDependence'] = [];
  // Partial dependence walks every category: a column with more than MAX_PD_LEVELS (free text, where each
  // document is a level) has no readable curve, so it keeps its importance bar but gets no plot.
  const plotted = features.filter((f) => {
    const column = X.columns.find((c) => c.name === f.name);
    return column === undefined || column.kind !== 'categorical' || column.levels.length <= MAX_PD_LEVELS;
  });
  for (const f of plotted.slice(0, TOP_DEPENDENCE)) {
    try {
      const pd = partialDependence(model, Xpd, f.name, { gridResolution: 20 });
      const outputs = pd.outputs.map((label, k) => ({ label, values: Array.from(pd.average?.[k] ?? []) }));
      partial.push({
        feature: pd.feature,
        kind: pd.featureKind,
        grid: Array.isArray(pd.gridValues) ? [...pd.gridValues] : Array.from(pd.gridValues),
        outputs: options.binary ? outputs.slice(1) : outputs,
      });
    } catch {
      // A feature with a single value in these rows has no grid: leave it out.
    }
  }
  return { importance: { metric: options.metric, features }, partialDependence: partial };
}
