import { latestModel } from '../labs/common-checks';
import type {
  LabDefinition,
  LabSnapshot,
  RecipeStep,
  SnapshotAnomalyRun,
  SnapshotForecast,
  SnapshotModel,
} from '../labs/lab-types';
import type { LabDataset } from '../labs/types';
import { combinedName } from './describe-step';
import type { TemplateOptions } from './types';

export interface TypedColumn {
  name: string;
  /** The studio's column type: numeric, categorical, boolean, datetime, text, identifier. */
  type: string;
}

/** Everything the generators read, worked out once from the lab and the learner's snapshot. */
export interface TemplateContext {
  lab: LabDefinition;
  dataFile: string;
  newDataFile: string;
  predictionsFile: string;
  /** The uploaded file's columns with the types the studio gave them. */
  loadColumns: TypedColumn[];
  /** The recipe replayed by the clean step: the latest model's (the version it was trained on), else the current one. */
  recipe: RecipeStep[];
  /** Where the recipe comes from, for the comments: the version the latest model or run used, or the current one. */
  recipeFrom: 'model' | 'current' | 'none';
  /** The columns after the recipe, with their types (as compile-step.ts changes them). */
  cleanColumns: TypedColumn[];
  target: string;
  model: SnapshotModel | null;
  forecast: SnapshotForecast | null;
  anomaly: SnapshotAnomalyRun | null;
  /** The anomaly run's data set version was made by the same recipe as `recipe`, so the rows the run flagged
   * (positions in that version) are positions in the script's `data` too and can be compared. */
  anomalyRowsAlign: boolean;
}

export function templateContext(
  lab: LabDefinition,
  snapshot: LabSnapshot,
  options: TemplateOptions,
): TemplateContext {
  // The fraud lab (kind 'anomaly') also trains a supervised model: its templates rebuild it like a tabular lab's.
  const model = lab.kind !== 'forecast' ? latestModel(snapshot) : null;
  const current = snapshot.datasets.at(-1);
  const loadColumns =
    snapshot.datasets[0]?.columns.map((c) => ({ name: c.name, type: c.type })) ??
    generatedData(lab).columns.map((c) => ({ name: c.name, type: c.type }));
  const forecast = lab.kind === 'forecast' ? (newest(snapshot.forecasts) ?? null) : null;
  const anomaly = lab.kind === 'anomaly' ? (newest(snapshot.anomalyRuns) ?? null) : null;
  // The recipe of the version the learner's latest work used (a model, a forecast, an anomaly run), else the
  // current version's: the code must see the data that work saw.
  const runOn = (forecast ?? anomaly)?.datasetId;
  const recipe =
    model !== null
      ? model.recipe
      : (snapshot.datasets.find((d) => d.id === runOn)?.steps ?? current?.steps ?? []);
  const recipeFrom =
    recipe.length === 0 ? 'none' : model !== null || runOn !== undefined ? 'model' : 'current';
  const hasNewData = lab.newData !== undefined;
  return {
    lab,
    dataFile: options.dataFile,
    newDataFile: options.newDataFile ?? (hasNewData ? `${lab.id}-new.csv` : options.dataFile),
    predictionsFile: options.predictionsFile ?? 'predictions.csv',
    loadColumns,
    recipe,
    recipeFrom,
    cleanColumns: columnsAfter(loadColumns, recipe),
    target: model?.target ?? generatedData(lab).target,
    model,
    forecast,
    anomaly,
    anomalyRowsAlign: rowsAlign(snapshot, anomaly, recipe),
  };
}

/** The run analysed every row (no sample) of a version made by this very recipe: its row positions are `data`'s. */
function rowsAlign(snapshot: LabSnapshot, run: SnapshotAnomalyRun | null, recipe: RecipeStep[]): boolean {
  const version = snapshot.datasets.find((d) => d.id === run?.datasetId);
  return (
    run !== null &&
    version !== undefined &&
    version.nRows === run.nRows &&
    JSON.stringify(version.steps) === JSON.stringify(recipe)
  );
}

const newest = <T extends { createdAt: string }>(list: T[]): T | undefined =>
  [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);

/** Each lab's generated data, made once: its target and column types when the snapshot has none yet. */
const generated = new Map<string, LabDataset>();
export function generatedData(lab: LabDefinition): LabDataset {
  let data = generated.get(lab.id);
  if (data === undefined) {
    data = lab.generate(lab.seed);
    generated.set(lab.id, data);
  }
  return data;
}

/** The columns a recipe leaves, with their types: the same bookkeeping as the server's compile-step.ts. */
export function columnsAfter(start: TypedColumn[], recipe: RecipeStep[]): TypedColumn[] {
  let columns = start.map((c) => ({ ...c }));
  for (const step of recipe) {
    const column = typeof step.column === 'string' ? step.column : '';
    switch (step.op) {
      case 'drop':
        columns = columns.filter((c) => !(step.columns ?? []).includes(c.name));
        break;
      case 'rename':
        columns = columns.map((c) => (c.name === column ? { ...c, name: String(step.to) } : c));
        break;
      case 'cast':
        columns = columns.map((c) => (c.name === column ? { ...c, type: String(step.to) } : c));
        break;
      case 'flagOutliers':
        columns.push({ name: String(step.newColumn ?? `${column}_outlier`), type: 'boolean' });
        break;
      case 'dateParts':
        for (const part of [...new Set((step.parts as string[] | undefined) ?? [])])
          columns.push({ name: `${column}_${part}`, type: 'numeric' });
        break;
      case 'textLength':
        columns.push({ name: String(step.newColumn ?? `${column}_length`), type: 'numeric' });
        break;
      case 'combine':
        columns.push({ name: combinedName(step), type: 'categorical' });
        break;
    }
  }
  return columns;
}

/** The type of a column after the recipe (numeric when unknown: a derived column the bookkeeping missed). */
export const typeOf = (ctx: TemplateContext, name: string): string =>
  ctx.cleanColumns.find((c) => c.name === name)?.type ?? 'numeric';
